/**
 * `not`: the value does not match the subschema (whose annotations are dropped).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.4
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const not: Keyword = {
  keyword: "not",
  compile(cx) {
    return js`if (${cx.sub(["not"], js`d`, null, "none", { silent: true })}) { ${cx.failStatic({}, "must NOT be valid")} }`;
  },
};
