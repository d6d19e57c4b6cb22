/** The passes, in order: each a pure, named model → model rewrite (timed by the pipeline). */
import type { Model } from "../model/ir.js";
import { collapseAliasChains } from "./collapse-alias-chains.js";
import { dedupeStructures } from "./dedupe-structural.js";
import { detectDiscriminators } from "./detect-discriminators.js";
import { flattenUnions } from "./flatten-unions.js";
import { mergeAllOf } from "./merge-all-of.js";

export interface Pass {
  name: string;
  run(model: Model): Model;
}

export const PASSES: readonly Pass[] = [
  { name: "merge allOf", run: mergeAllOf },
  { name: "flatten unions", run: flattenUnions },
  { name: "dedupe structures", run: dedupeStructures },
  { name: "collapse alias chains", run: collapseAliasChains },
  { name: "detect discriminators", run: detectDiscriminators },
];
