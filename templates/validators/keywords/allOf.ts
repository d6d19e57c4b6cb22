/**
 * `allOf`: the value matches every subschema; their annotations all count.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.1
 */
import { js, lines } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";
import { CHILD_FAILED } from "./_shared.js";

export const allOf: Keyword = {
  keyword: "allOf",
  compile(cx) {
    if (!Array.isArray(cx.value)) return undefined;
    return lines(cx.value.map((_, i) => js`if (!${cx.sub(["allOf", i], js`d`, null, "share")}) { ${CHILD_FAILED} }`));
  },
};
