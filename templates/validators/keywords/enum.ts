/**
 * `enum`: the value equals one of the listed values (JSON equality: 1.0 equals 1, objects by members).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.2
 */
import { js, join, type Code } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const enumKeyword: Keyword = {
  keyword: "enum",
  compile(cx) {
    if (!Array.isArray(cx.value)) return undefined;
    const values = cx.value as unknown[];
    const fail = cx.failStatic({ allowedValues: cx.constant(js`${values}`, "enum") }, "must be equal to one of the allowed values");
    const primitives = values.filter((v) => v === null || typeof v !== "object");
    const structured = values.filter((v) => v !== null && typeof v === "object");
    const tests: Code[] = [];
    if (primitives.length > 6) tests.push(js`${cx.constant(js`new Set(${primitives})`, "enumSet")}.has(d)`);
    else for (const v of primitives) tests.push(js`d === ${v}`);
    if (structured.length > 0) {
      const list = cx.constant(js`${structured}`, "enumValues");
      tests.push(js`(typeof d === "object" && d !== null && ${list}.some((v) => ${cx.helper("equal")}(d, v)))`);
    }
    if (tests.length === 0) return fail;
    return js`if (!(${join(tests, " || ")})) { ${fail} }`;
  },
};
