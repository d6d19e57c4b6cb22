/**
 * `prefixItems` and `items`: the first items match the prefix schemas in order; `items` applies to every item
 * after them (to all items without `prefixItems`). Both annotate which items they evaluated.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1
 */
import { js, lines, type Code } from "../../../src/emit/js-code.js";
import { isSchema } from "../../../src/resolve/walk.js";
import type { Keyword, KeywordContext } from "../context.js";
import { CHILD_FAILED, INDEX_PATH } from "./_shared.js";

function compileItems(cx: KeywordContext): Code | undefined {
  const prefix = Array.isArray(cx.schema.prefixItems) ? (cx.schema.prefixItems as unknown[]) : [];
  const rest = cx.schema.items;
  const parts: Code[] = [];
  prefix.forEach((p, n) => {
    if (!isSchema(p)) return;
    parts.push(js`if (d.length > ${n} && !${cx.sub(["prefixItems", n], js`d[${n}]`, js`${"/" + n}`, "none")}) { ${CHILD_FAILED} }`);
  });
  if (cx.annotations && prefix.length > 0) parts.push(js`if (A !== null && A.i !== true && A.i < Math.min(d.length, ${prefix.length})) A.i = Math.min(d.length, ${prefix.length});`);
  if (isSchema(rest)) {
    const i = cx.local("i");
    if (rest === false) {
      parts.push(js`if (d.length > ${prefix.length}) { ${cx.fail(js`{ limit: ${prefix.length} }`, js`${`must NOT have more than ${prefix.length} items`}`, "items")} }`);
    } else {
      parts.push(js`for (let ${i} = ${prefix.length}; ${i} < d.length; ${i}++) { if (!${cx.sub(["items"], js`d[${i}]`, INDEX_PATH(i), "none")}) { ${CHILD_FAILED} } }`);
    }
    if (cx.annotations) parts.push(js`if (A !== null) A.i = true;`);
  }
  return parts.length > 0 ? lines(parts) : undefined;
}

export const prefixItems: Keyword = {
  keyword: "prefixItems",
  with: ["items"],
  instance: "array",
  compile: compileItems,
};

export const items: Keyword = {
  keyword: "items",
  instance: "array",
  compile: (cx) => ("prefixItems" in cx.schema ? undefined : compileItems(cx)),
};
