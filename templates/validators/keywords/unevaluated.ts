/**
 * `unevaluatedProperties` / `unevaluatedItems`: members (items) that no keyword of this schema — including the
 * subschemas applied in place (`allOf`, `anyOf`, `oneOf`, `if`/`then`/`else`, `dependentSchemas`, `$ref`,
 * `$dynamicRef`) that matched — evaluated, match this schema. The compiler collects those annotations in `A`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";
import { CHILD_FAILED, INDEX_PATH } from "./_shared.js";

export const unevaluatedProperties: Keyword = {
  keyword: "unevaluatedProperties",
  instance: "object",
  notIn: ["draft-04", "draft-06", "draft-07", "openapi-3.0"],
  compile(cx) {
    const k = cx.local("k");
    const check =
      cx.value === false
        ? cx.fail(js`{ unevaluatedProperty: ${k} }`, js`"must NOT have unevaluated property '" + ${k} + "'"`)
        : js`if (!${cx.sub(["unevaluatedProperties"], js`d[${k}]`, js`"/" + ${cx.helper("esc")}(${k})`, "none")}) { ${CHILD_FAILED} }`;
    return js`if (A.p !== true) { for (const ${k} in d) { if (A.p !== null && A.p[${k}] === true) continue; ${check} } } A.p = true;`;
  },
};

export const unevaluatedItems: Keyword = {
  keyword: "unevaluatedItems",
  instance: "array",
  notIn: ["draft-04", "draft-06", "draft-07", "openapi-3.0"],
  compile(cx) {
    const i = cx.local("i");
    const check =
      cx.value === false
        ? cx.fail(js`{ limit: ${i} }`, js`"must NOT have unevaluated item " + ${i}`)
        : js`if (!${cx.sub(["unevaluatedItems"], js`d[${i}]`, INDEX_PATH(i), "none")}) { ${CHILD_FAILED} }`;
    return js`if (A.i !== true) { for (let ${i} = A.i; ${i} < d.length; ${i}++) { if (A.c !== null && A.c[${i}] === true) continue; ${check} } } A.i = true;`;
  },
};
