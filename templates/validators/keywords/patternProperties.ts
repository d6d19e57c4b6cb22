/**
 * `patternProperties`: each member whose name matches a pattern matches that pattern's schema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.2
 */
import { js, lines, type Code } from "../../../src/emit/js-code.js";
import { isSchemaObject } from "../../../src/resolve/walk.js";
import type { Keyword } from "../context.js";
import { CHILD_FAILED } from "./_shared.js";

export const patternProperties: Keyword = {
  keyword: "patternProperties",
  instance: "object",
  compile(cx) {
    if (!isSchemaObject(cx.value)) return undefined;
    const k = cx.local("k");
    const body: Code[] = [];
    for (const pattern of Object.keys(cx.value)) {
      const re = cx.regex(pattern, ["patternProperties", pattern]);
      if (!re) continue;
      const annotate = cx.annotations ? js`if (A !== null) ${cx.helper("annProp")}(A, ${k});` : js``;
      body.push(
        js`if (${re}.test(${k})) { if (!${cx.sub(["patternProperties", pattern], js`d[${k}]`, js`"/" + ${cx.helper("esc")}(${k})`, "none")}) { ${CHILD_FAILED} } ${annotate} }`,
      );
    }
    return body.length > 0 ? js`for (const ${k} in d) { ${lines(body)} }` : undefined;
  },
};
