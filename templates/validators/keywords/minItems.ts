/**
 * `minItems`: at least n items.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.2
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const minItems: Keyword = {
  keyword: "minItems",
  instance: "array",
  compile(cx) {
    if (typeof cx.value !== "number") return undefined;
    return js`if (d.length < ${cx.value}) { ${cx.failStatic({ limit: cx.value }, `must NOT have fewer than ${cx.value} items`)} }`;
  },
};
