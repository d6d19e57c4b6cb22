/**
 * `format`: asserted with our own checks unless `--formats annotate`; unknown formats pass.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-7
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const format: Keyword = {
  keyword: "format",
  instance: "string",
  compile(cx) {
    if (cx.formats !== "assert" || typeof cx.value !== "string") return undefined;
    const check = cx.format(cx.value);
    if (!check) return undefined;
    return js`if (!${check}(d)) { ${cx.failStatic({ format: cx.value }, `must match format "${cx.value}"`)} }`;
  },
};
