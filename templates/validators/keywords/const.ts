/**
 * `const`: the value equals the given value (JSON equality).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.3
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const constKeyword: Keyword = {
  keyword: "const",
  notIn: ["draft-04"],
  compile(cx) {
    const v = cx.value;
    const fail = cx.failStatic({ allowedValue: cx.constant(js`${v}`, "const") }, "must be equal to constant");
    if (v === null || typeof v !== "object") return js`if (d !== ${v}) { ${fail} }`;
    return js`if (!${cx.helper("equal")}(d, ${cx.constant(js`${v}`, "const")})) { ${fail} }`;
  },
};
