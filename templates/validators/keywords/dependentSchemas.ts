/**
 * `dependentSchemas`: when a member is present, the whole object also matches the given schema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2.4
 */
import { js, lines, type Code } from "../../../src/emit/js-code.js";
import { isSchemaObject } from "../../../src/resolve/walk.js";
import type { Keyword } from "../context.js";
import { hasMember } from "./_members.js";
import { CHILD_FAILED } from "./_shared.js";

export const dependentSchemas: Keyword = {
  keyword: "dependentSchemas",
  instance: "object",
  compile(cx) {
    if (!isSchemaObject(cx.value)) return undefined;
    const out: Code[] = [];
    for (const when of Object.keys(cx.value)) {
      out.push(js`if (${hasMember(js`d`, when)} && !${cx.sub(["dependentSchemas", when], js`d`, null, "share")}) { ${CHILD_FAILED} }`);
    }
    return out.length > 0 ? lines(out) : undefined;
  },
};
