/**
 * `uniqueItems`: no two items are equal (JSON equality).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.3
 */
import { js } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";

export const uniqueItems: Keyword = {
  keyword: "uniqueItems",
  instance: "array",
  compile(cx) {
    if (cx.value !== true) return undefined;
    const j = cx.local("dup");
    return js`if (d.length > 1) { const ${j} = ${cx.helper("duplicateIndex")}(d); if (${j} >= 0) { ${cx.fail(js`{ j: ${j} }`, js`"must NOT have duplicate items (item " + ${j} + " repeats an earlier one)"`)} } }`;
  },
};
