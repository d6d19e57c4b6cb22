/**
 * `additionalProperties`: members not named by `properties` nor matched by `patternProperties` match this
 * schema (`false`: there are none).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.3
 */
import { js, join, type Code } from "../../../src/emit/js-code.js";
import { isSchemaObject } from "../../../src/resolve/walk.js";
import type { Keyword } from "../context.js";
import { CHILD_FAILED } from "./_shared.js";

export const additionalProperties: Keyword = {
  keyword: "additionalProperties",
  instance: "object",
  compile(cx) {
    const annotate = cx.annotations ? js`if (A !== null) A.p = true;` : js``;
    if (cx.value === true) return annotate.text ? annotate : undefined;
    const k = cx.local("k");
    const named = isSchemaObject(cx.schema.properties) ? Object.keys(cx.schema.properties) : [];
    const patterns = isSchemaObject(cx.schema.patternProperties) ? Object.keys(cx.schema.patternProperties) : [];
    const known: Code[] = [];
    if (named.length > 8) known.push(js`${cx.constant(js`new Set(${named})`, "names")}.has(${k})`);
    else for (const n of named) known.push(js`${k} === ${n}`);
    for (const p of patterns) {
      const re = cx.regex(p, ["patternProperties", p]);
      if (re) known.push(js`${re}.test(${k})`);
    }
    const skip = known.length > 0 ? js`if (${join(known, " || ")}) continue;` : js``;
    const check =
      cx.value === false
        ? cx.fail(js`{ additionalProperty: ${k} }`, js`"must NOT have additional property '" + ${k} + "'"`)
        : js`if (!${cx.sub(["additionalProperties"], js`d[${k}]`, js`"/" + ${cx.helper("esc")}(${k})`, "none")}) { ${CHILD_FAILED} }`;
    return js`for (const ${k} in d) { ${skip} ${check} } ${annotate}`;
  },
};
