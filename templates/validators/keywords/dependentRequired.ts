/**
 * `dependentRequired`: when a member is present, the listed members are too.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.4
 */
import { js, lines, type Code } from "../../../src/emit/js-code.js";
import { isSchemaObject } from "../../../src/resolve/walk.js";
import type { Keyword } from "../context.js";
import { hasMember } from "./_members.js";

export const dependentRequired: Keyword = {
  keyword: "dependentRequired",
  instance: "object",
  compile(cx) {
    if (!isSchemaObject(cx.value)) return undefined;
    const out: Code[] = [];
    for (const [when, list] of Object.entries(cx.value)) {
      if (!Array.isArray(list)) continue;
      for (const need of list) {
        if (typeof need !== "string") continue;
        out.push(
          js`if (${hasMember(js`d`, when)} && !(${hasMember(js`d`, need)})) { ${cx.failStatic({ property: when, missingProperty: need }, `must have property '${need}' when property '${when}' is present`)} }`,
        );
      }
    }
    return out.length > 0 ? lines(out) : undefined;
  },
};
