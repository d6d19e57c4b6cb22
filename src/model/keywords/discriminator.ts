/**
 * OpenAPI `discriminator` beside `oneOf`/`anyOf`: which tag values select which member. One table, read by the
 * model (each member gets its literal tag type, so TypeScript narrows on it) and by the validators (a value's
 * tag must select a member, and the value must be valid against that member), so the two cannot disagree.
 * Tag values: the `mapping` keys that lead to a member, else (implicit mapping) the member's component name.
 * `discriminator` without `oneOf`/`anyOf` (the `allOf` inheritance form) stays an annotation.
 * @see https://spec.openapis.org/oas/v3.0.3#discriminator-object
 * @see https://spec.openapis.org/oas/v3.1.0#discriminator-object
 */
import { pointerTokens, type Dialect } from "../../load/document.js";
import { isSchemaObject, type SchemaObject } from "../../resolve/walk.js";
import type { Docs } from "../ir.js";

export interface DiscriminatorPlan {
  propertyName: string;
  /** The applicator whose members are selected. */
  keyword: "oneOf" | "anyOf";
  /** Tag value → member index, in mapping order, then implicit names in member order. */
  tags: { value: string; member: number }[];
  /** Mapping keys whose schema is not a member (a value with such a tag is rejected). */
  unmatched: string[];
}

/**
 * The plan for a schema object, or undefined when it has no usable discriminator. `targetOf` resolves a
 * reference written at the schema to a stable key (`url#pointer`), or undefined when it does not resolve.
 */
export function discriminatorPlan(s: SchemaObject, dialect: Dialect, targetOf: (ref: string) => string | undefined): DiscriminatorPlan | undefined {
  if (dialect !== "openapi-3.0" && dialect !== "openapi-3.1") return undefined;
  const d = s.discriminator;
  if (!isSchemaObject(d) || typeof d.propertyName !== "string") return undefined;
  const keyword = Array.isArray(s.oneOf) ? "oneOf" : Array.isArray(s.anyOf) ? "anyOf" : undefined;
  if (!keyword) return undefined;
  const members = (s[keyword] as unknown[]).map((m) => (isSchemaObject(m) && typeof m.$ref === "string" ? targetOf(m.$ref) : undefined));
  const tags: DiscriminatorPlan["tags"] = [];
  const unmatched: string[] = [];
  const mapped = new Set<number>();
  const mapping = isSchemaObject(d.mapping) ? d.mapping : {};
  for (const [value, target] of Object.entries(mapping)) {
    if (typeof target !== "string") continue;
    // A mapping value is a reference, or (3.0) a bare component name.
    const ref = /[#/]/.test(target) ? target : `#/components/schemas/${target}`;
    const key = targetOf(ref);
    const member = key === undefined ? -1 : members.indexOf(key);
    if (member < 0) unmatched.push(value);
    else {
      tags.push({ value, member });
      mapped.add(member);
    }
  }
  members.forEach((key, member) => {
    if (key === undefined || mapped.has(member)) return;
    const value = componentName(key);
    if (value !== undefined && !tags.some((t) => t.value === value)) tags.push({ value, member });
  });
  return { propertyName: d.propertyName, keyword, tags, unmatched };
}

/** The last token of a key's pointer when it names a component (`…#/components/schemas/Cat` → `Cat`). */
function componentName(key: string): string | undefined {
  const tokens = pointerTokens(key.slice(key.indexOf("#")));
  return tokens.length === 3 && tokens[0] === "components" && tokens[1] === "schemas" ? tokens[2] : undefined;
}

/**
 * The docs of a union discriminated by `tag`: it says so, and no longer calls `oneOf` wider than the schema —
 * members with disjoint required tags cannot both match, so the union is as exclusive as `oneOf`.
 */
export function discriminatedDocs(docs: Docs | undefined, tag: string): Docs {
  const widened = docs?.widened?.filter((k) => k !== "oneOf");
  const { widened: _old, ...rest } = docs ?? {};
  return { ...rest, ...(widened && widened.length > 0 ? { widened } : {}), notes: [...(docs?.notes ?? []), `Discriminated by \`${tag}\`.`] };
}
