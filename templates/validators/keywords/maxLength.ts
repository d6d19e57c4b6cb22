/**
 * `maxLength`: at most n characters, counted as Unicode code points.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.1
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const maxLength: Keyword = {
  keyword: "maxLength",
  instance: "string",
  compile(cx) {
    if (typeof cx.value !== "number") return undefined;
    const n = cx.value;
    return js`if (d.length > ${n} && ${cx.helper("ucs2length")}(d) > ${n}) { ${cx.failStatic({ limit: n }, `must NOT have more than ${n} characters`)} }`;
  },
};
