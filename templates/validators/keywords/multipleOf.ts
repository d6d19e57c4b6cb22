/**
 * `multipleOf`: the number divided by the value is an integer — exactly, for decimal JSON numbers.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.1
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const multipleOf: Keyword = {
  keyword: "multipleOf",
  instance: "number",
  compile(cx) {
    if (typeof cx.value !== "number" || cx.value <= 0) return undefined;
    const m = cx.value;
    // Safe integers divide exactly in binary; every other number is compared as the decimal JSON wrote.
    const test = Number.isSafeInteger(m) ? js`(Number.isSafeInteger(d) ? d % ${m} !== 0 : !${cx.helper("multipleOf")}(d, ${m}))` : js`!${cx.helper("multipleOf")}(d, ${m})`;
    return js`if (${test}) { ${cx.failStatic({ multipleOf: m }, `must be multiple of ${m}`)} }`;
  },
};
