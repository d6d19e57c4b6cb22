/**
 * `anyOf`: the value matches at least one subschema. With annotation tracking every subschema is tried, and
 * the annotations of each that matched count.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.2
 */
import { js, lines, type Code } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const anyOf: Keyword = {
  keyword: "anyOf",
  compile(cx) {
    if (!Array.isArray(cx.value)) return undefined;
    const any = cx.local("any");
    const mark = cx.local("mark");
    const branches: Code[] = cx.value.map((_, i) => {
      if (!cx.annotations) return js`if (!${any} && ${cx.sub(["anyOf", i], js`d`, null, "none")}) ${any} = true;`;
      const t = cx.local("t");
      return js`{ const ${t} = A === null ? null : ${cx.helper("ann")}(); if ((A !== null || !${any}) && ${cx.sub(["anyOf", i], js`d`, null, t)}) { ${any} = true; if (${t} !== null) ${cx.helper("annMerge")}(A, ${t}); } }`;
    });
    return js`{ const ${mark} = E === null ? 0 : E.errors.length; let ${any} = false;
${lines(branches)}
if (${any}) { if (E !== null) E.errors.length = ${mark}; } else { ${cx.failStatic({}, "must match a schema in anyOf")} } }`;
  },
};
