/** 2020-12 is the canonical form: only the 2019-09 recursion keywords, unknown here, are set aside. */
import { without, type DialectNormalizer } from "./canonical.js";

export const normalizeDraft202012: DialectNormalizer = (raw) => {
  const schema = without(raw, ["$recursiveRef", "$recursiveAnchor"]);
  return { schema, origin: {} };
};
