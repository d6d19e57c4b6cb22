/**
 * `$dynamicRef` (2020-12) and `$recursiveRef` (2019-09): like `$ref`, except that when the statically resolved
 * target carries the matching dynamic anchor, the outermost schema resource in the dynamic scope that carries it
 * too is used instead.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.2
 */
import { js } from "../../../src/emit/js-code.js";
import { isSchemaObject } from "../../../src/resolve/walk.js";
import type { Keyword, KeywordContext } from "../context.js";
import { CHILD_FAILED } from "./_shared.js";

function compileDynamic(cx: KeywordContext, keyword: "$dynamicRef" | "$recursiveRef") {
  if (typeof cx.value !== "string") return undefined;
  const target = cx.resolve(cx.value);
  if (!target) {
    cx.reportUnresolved(keyword, cx.value);
    return undefined;
  }
  const hash = cx.value.indexOf("#");
  const fragment = hash < 0 ? "" : cx.value.slice(hash + 1);
  const staticCall = cx.call(target, js`d`, null, "/" + keyword, "share");
  let anchor: string | undefined;
  if (keyword === "$recursiveRef") {
    if (isSchemaObject(target.raw) && target.raw.$recursiveAnchor === true) anchor = "";
  } else if (fragment !== "" && !fragment.startsWith("/") && isSchemaObject(target.raw) && target.raw.$dynamicAnchor === fragment) {
    anchor = fragment;
  }
  if (anchor === undefined) return js`if (!${staticCall}) { ${CHILD_FAILED} }`;
  const table = cx.dynamicTable(anchor);
  const f = cx.local("f");
  const dynamicCall = cx.callValue(f, js`d`, "/" + keyword, "share");
  return js`{ const ${f} = ${cx.helper("dynamic")}(S, ${table}, null); if (!(${f} === null ? ${staticCall} : ${dynamicCall})) { ${CHILD_FAILED} } }`;
}

export const dynamicRef: Keyword = {
  keyword: "$dynamicRef",
  notIn: ["draft-04", "draft-06", "draft-07", "2019-09", "openapi-3.0"],
  compile: (cx) => compileDynamic(cx, "$dynamicRef"),
};

export const recursiveRef: Keyword = {
  keyword: "$recursiveRef",
  notIn: ["draft-04", "draft-06", "draft-07", "2020-12", "openapi-3.0", "openapi-3.1"],
  compile: (cx) => compileDynamic(cx, "$recursiveRef"),
};
