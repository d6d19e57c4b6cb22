/** 2020-12 is the canonical form: nothing to rewrite. */
import { identity, type DialectNormalizer } from "./canonical.js";

export const normalizeDraft202012: DialectNormalizer = identity;
