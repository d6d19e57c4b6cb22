/**
 * `pattern`: the string matches the ECMA-262 regular expression (unanchored), compiled with the `u` flag.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const pattern: Keyword = {
  keyword: "pattern",
  instance: "string",
  compile(cx) {
    if (typeof cx.value !== "string") return undefined;
    const re = cx.regex(cx.value, ["pattern"]);
    if (!re) return undefined;
    return js`if (!${re}.test(d)) { ${cx.failStatic({ pattern: cx.value }, `must match pattern "${cx.value}"`)} }`;
  },
};
