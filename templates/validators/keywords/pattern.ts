/**
 * `pattern`: the string matches the ECMA-262 regular expression (unanchored), compiled with the `u` flag.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";
import { nestsQuantifiers } from "../backtracking.js";

export const pattern: Keyword = {
  keyword: "pattern",
  instance: "string",
  compile(cx) {
    if (typeof cx.value !== "string") return undefined;
    const re = cx.regex(cx.value, ["pattern"]);
    if (!re) return undefined;
    // A pattern prone to catastrophic backtracking is not run on a string that surely fails `maxLength` (more
    // than 2n UTF-16 units is more than n code points): the value is invalid either way, and a long hostile
    // string cannot make the check hang.
    const max = cx.schema.maxLength;
    if (typeof max === "number" && nestsQuantifiers(cx.value)) {
      return js`if (d.length <= ${2 * max} && !${re}.test(d)) { ${cx.failStatic({ pattern: cx.value }, `must match pattern "${cx.value}"`)} }`;
    }
    return js`if (!${re}.test(d)) { ${cx.failStatic({ pattern: cx.value }, `must match pattern "${cx.value}"`)} }`;
  },
};
