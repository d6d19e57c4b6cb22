/**
 * `maximum`: the number is <= the limit.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const maximum: Keyword = {
  keyword: "maximum",
  instance: "number",
  compile(cx) {
    if (typeof cx.value !== "number") return undefined;
    return js`if (d > ${cx.value}) { ${cx.failStatic({ comparison: "<=", limit: cx.value }, `must be <= ${cx.value}`)} }`;
  },
};
