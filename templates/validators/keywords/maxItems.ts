/**
 * `maxItems`: at most n items.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.1
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const maxItems: Keyword = {
  keyword: "maxItems",
  instance: "array",
  compile(cx) {
    if (typeof cx.value !== "number") return undefined;
    return js`if (d.length > ${cx.value}) { ${cx.failStatic({ limit: cx.value }, `must NOT have more than ${cx.value} items`)} }`;
  },
};
