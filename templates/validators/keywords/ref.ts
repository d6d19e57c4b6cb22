/**
 * `$ref`: the value matches the referenced schema (in place: its annotations count).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.1
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";
import { CHILD_FAILED } from "./_shared.js";

export const ref: Keyword = {
  keyword: "$ref",
  compile(cx) {
    if (typeof cx.value !== "string") return undefined;
    const target = cx.resolve(cx.value);
    if (!target) {
      cx.reportUnresolved("$ref", cx.value);
      return undefined;
    }
    return js`if (!${cx.call(target, js`d`, null, "/$ref", "share")}) { ${CHILD_FAILED} }`;
  },
};
