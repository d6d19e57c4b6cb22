/**
 * `minLength`: at least n characters, counted as Unicode code points.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.2
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const minLength: Keyword = {
  keyword: "minLength",
  instance: "string",
  compile(cx) {
    if (typeof cx.value !== "number") return undefined;
    const n = cx.value;
    // d.length counts UTF-16 units, never fewer than code points: only a short string needs counting.
    return js`if (d.length < ${n} || (d.length < ${n * 2} && ${cx.helper("ucs2length")}(d) < ${n})) { ${cx.failStatic({ limit: n }, `must NOT have fewer than ${n} characters`)} }`;
  },
};
