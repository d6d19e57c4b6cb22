import fc from "fast-check";
import { schemaDocument } from "./arbitraries.js";
import { hyperjumpOracle } from "./oracles.js";
const docs = fc.sample(fc.oneof(schemaDocument("2020-12"), schemaDocument("draft-07")), { seed: 0x5f0f6e, numRuns: 200 });
for (const [i, d] of docs.entries()) {
  const h = await hyperjumpOracle(d);
  if (h.compileError?.includes("Invalid Schema")) console.log(i, JSON.stringify(d));
}
