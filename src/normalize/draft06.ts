/**
 * Draft 6 → 2020-12: the draft 7 rules, and `if`/`then`/`else` are not keywords yet (kept only as unknown data).
 * @see https://json-schema.org/draft-06/json-schema-release-notes
 */
import { without, type DialectNormalizer } from "./canonical.js";
import { draft07Rules } from "./draft07.js";

export const normalizeDraft06: DialectNormalizer = (raw) => {
  const node = draft07Rules(raw);
  node.schema = without(node.schema, ["if", "then", "else"]);
  return node;
};
