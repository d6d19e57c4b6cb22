/**
 * `propertyNames`: every member name matches the schema.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.4
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";
import { CHILD_FAILED } from "./_shared.js";

export const propertyNames: Keyword = {
  keyword: "propertyNames",
  instance: "object",
  notIn: ["draft-04"],
  compile(cx) {
    if (cx.value === true) return undefined;
    const k = cx.local("k");
    return js`for (const ${k} in d) { if (!${cx.sub(["propertyNames"], k, null, "none")}) { ${CHILD_FAILED} } }`;
  },
};
