/**
 * `oneOf`: the value matches exactly one subschema (whose annotations count).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3
 */
import { js, lines, type Code } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const oneOf: Keyword = {
  keyword: "oneOf",
  compile(cx) {
    if (!Array.isArray(cx.value)) return undefined;
    const first = cx.local("first");
    const second = cx.local("second");
    const mark = cx.local("mark");
    const keep = cx.local("keep");
    const branches: Code[] = cx.value.map((_, i) => {
      const t = cx.annotations ? cx.local("t") : undefined;
      const call = cx.sub(["oneOf", i], js`d`, null, t ?? "none");
      const decl = t ? js`const ${t} = A === null ? null : ${cx.helper("ann")}();` : js``;
      const kept = t ? js`${keep} = ${t};` : js``;
      return js`if (${second} < 0) { ${decl} if (${call}) { if (${first} < 0) { ${first} = ${i}; ${kept} } else ${second} = ${i}; } }`;
    });
    const annotate = cx.annotations ? js`if (A !== null && ${keep} !== null) ${cx.helper("annMerge")}(A, ${keep});` : js``;
    const none = cx.failStatic({ passingSchemas: null }, "must match exactly one schema in oneOf");
    const many = cx.fail(js`{ passingSchemas: [${first}, ${second}] }`, js`${"must match exactly one schema in oneOf"}`);
    return js`{ const ${mark} = E === null ? 0 : E.errors.length; let ${first} = -1; let ${second} = -1; let ${keep} = null;
${lines(branches)}
if (${first} >= 0 && ${second} < 0) { if (E !== null) E.errors.length = ${mark}; ${annotate} } else if (${first} < 0) { ${none} } else { ${many} } }`;
  },
};
