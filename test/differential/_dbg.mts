import fc from "fast-check";
import { schemaDocument } from "./arbitraries.js";
import { ajvOracle, hyperjumpOracle } from "./oracles.js";
const docs = fc.sample(fc.oneof(schemaDocument("2020-12"), schemaDocument("draft-07")), { seed: 0x5f0f6e, numRuns: 200 });
const counts = new Map<string, number>();
for (const [i, d] of docs.entries()) {
  const a = ajvOracle(d, d.$schema === "http://json-schema.org/draft-07/schema#" ? "draft-07" : "2020-12");
  const h = await hyperjumpOracle(d);
  for (const e of [a.compileError, h.compileError]) if (e) { const k = e.replace(/s\d+/g, "").slice(0, 140); counts.set(k, (counts.get(k) ?? 0) + 1); if ((counts.get(k) ?? 0) === 1) console.log(i, k, JSON.stringify(d).slice(0, 600)); }
}
console.log(counts);
