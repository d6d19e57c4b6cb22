/**
 * `contains` with `minContains`/`maxContains`: how many items match the schema (at least one, or the bounds).
 * In 2020-12 the matching indices are annotations that `unevaluatedItems` honours.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.3
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";
import { INDEX_PATH } from "./_shared.js";

export const contains: Keyword = {
  keyword: "contains",
  with: ["minContains", "maxContains"],
  instance: "array",
  notIn: ["draft-04"],
  compile(cx) {
    const modern = cx.dialect === "2019-09" || cx.dialect === "2020-12" || cx.dialect === "openapi-3.1";
    const min = modern && typeof cx.schema.minContains === "number" ? cx.schema.minContains : 1;
    const max = modern && typeof cx.schema.maxContains === "number" ? cx.schema.maxContains : undefined;
    const n = cx.local("n");
    const i = cx.local("i");
    const annotate = cx.annotations && (cx.dialect === "2020-12" || cx.dialect === "openapi-3.1");
    // Matching items must not report errors: only the count matters. Probe with errors off.
    const probe = cx.sub(["contains"], js`d[${i}]`, INDEX_PATH(i), "none", { silent: true });
    const early = max === undefined && !annotate ? js`if (${n} >= ${min}) break;` : js``;
    const tooFew = cx.fail(
      js`{ minContains: ${min} }`,
      min === 1 ? js`${"must contain at least 1 valid item"}` : js`${`must contain at least ${min} valid items`}`,
      min === 1 ? "contains" : "minContains",
    );
    const tooMany = max === undefined ? js`` : js`if (${n} > ${max}) { ${cx.fail(js`{ maxContains: ${max} }`, js`${`must contain at most ${max} valid items`}`, "maxContains")} }`;
    return js`{ let ${n} = 0; for (let ${i} = 0; ${i} < d.length; ${i}++) { if (${probe}) { ${n}++; ${annotate ? js`if (A !== null) ${cx.helper("annContains")}(A, ${i});` : js``} ${early} } } if (${n} < ${min}) { ${tooFew} } ${tooMany} }`;
  },
};
