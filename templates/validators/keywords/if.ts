/**
 * `if`/`then`/`else`: when the value matches `if` (whose annotations then count) it must match `then`,
 * otherwise `else`. `if` alone asserts nothing.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";
import { CHILD_FAILED } from "./_shared.js";

export const ifKeyword: Keyword = {
  keyword: "if",
  with: ["then", "else"],
  notIn: ["draft-04", "draft-06"],
  compile(cx) {
    const hasThen = "then" in cx.schema;
    const hasElse = "else" in cx.schema;
    if (!hasThen && !hasElse && !cx.annotations) return undefined;
    const t = cx.local("t");
    const cond = cx.local("cond");
    const probe = cx.annotations
      ? js`const ${t} = A === null ? null : ${cx.helper("ann")}(); const ${cond} = ${cx.sub(["if"], js`d`, null, t, { silent: true })}; if (${cond} && ${t} !== null) ${cx.helper("annMerge")}(A, ${t});`
      : js`const ${cond} = ${cx.sub(["if"], js`d`, null, "none", { silent: true })};`;
    const thenCheck = hasThen ? js`if (${cond} && !${cx.sub(["then"], js`d`, null, "share")}) { ${CHILD_FAILED} }` : js``;
    const elseCheck = hasElse ? js`if (!${cond} && !${cx.sub(["else"], js`d`, null, "share")}) { ${CHILD_FAILED} }` : js``;
    return js`{ ${probe} ${thenCheck} ${elseCheck} }`;
  },
};
