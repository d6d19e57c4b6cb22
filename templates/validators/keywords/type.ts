/**
 * `type`: the value's JSON type is one of those named (`integer`: a number with no fractional part).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.1
 */
import { js, join, Code } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

const CHECKS: Record<string, (d: Code) => Code> = {
  string: (d) => js`typeof ${d} === "string"`,
  number: (d) => js`typeof ${d} === "number"`,
  integer: (d) => js`Number.isInteger(${d})`,
  boolean: (d) => js`typeof ${d} === "boolean"`,
  null: (d) => js`${d} === null`,
  array: (d) => js`Array.isArray(${d})`,
  object: (d) => js`(typeof ${d} === "object" && ${d} !== null && !Array.isArray(${d}))`,
};

export const type: Keyword = {
  keyword: "type",
  compile(cx) {
    const types = (Array.isArray(cx.value) ? cx.value : [cx.value]).filter((t): t is string => typeof t === "string" && t in CHECKS);
    const d = new Code("d");
    const conds = types.map((t) => CHECKS[t]!(d));
    const cond = conds.length === 0 ? new Code("false") : join(conds, " || ");
    return js`if (!(${cond})) { ${cx.failStatic({ type: types.join(",") }, "must be " + types.join(" or "))} }`;
  },
};
