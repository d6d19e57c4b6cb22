/**
 * `minProperties`: at least n members.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.2
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const minProperties: Keyword = {
  keyword: "minProperties",
  instance: "object",
  compile(cx) {
    if (typeof cx.value !== "number") return undefined;
    return js`if (Object.keys(d).length < ${cx.value}) { ${cx.failStatic({ limit: cx.value }, `must NOT have fewer than ${cx.value} properties`)} }`;
  },
};
