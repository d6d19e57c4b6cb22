/**
 * `properties`: each member that is present matches its schema; present members are annotated as evaluated.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.1
 */
import { js, lines, type Code } from "../../../src/emit/js-code.js";
import { escapeToken } from "../../../src/load/document.js";
import { isSchemaObject } from "../../../src/resolve/walk.js";
import type { Keyword } from "../context.js";
import { hasMember } from "./_members.js";
import { CHILD_FAILED } from "./_shared.js";

export const properties: Keyword = {
  keyword: "properties",
  instance: "object",
  compile(cx) {
    if (!isSchemaObject(cx.value)) return undefined;
    const out: Code[] = [];
    for (const name of Object.keys(cx.value)) {
      const present = hasMember(js`d`, name);
      const check = cx.value[name] === true ? js`` : js`if (!${cx.sub(["properties", name], js`d[${name}]`, js`${"/" + escapeToken(name)}`, "none")}) { ${CHILD_FAILED} }`;
      const annotate = cx.annotations ? js`if (A !== null) ${cx.helper("annProp")}(A, ${name});` : js``;
      if (check.text === "" && annotate.text === "") continue;
      out.push(js`if (${present}) { ${check} ${annotate} }`);
    }
    return out.length > 0 ? lines(out) : undefined;
  },
};
