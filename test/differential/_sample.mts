import fc from "fast-check";
import { schemaDocument, dataFor } from "./arbitraries.js";
const t0 = performance.now();
const docs = fc.sample(fc.oneof(schemaDocument("2020-12"), schemaDocument("draft-07")), { seed: 42, numRuns: 200 });
console.log("schemas ms", performance.now() - t0, "avg len", docs.reduce((n, d) => n + JSON.stringify(d).length, 0) / docs.length);
for (const d of docs.slice(0, 6)) console.log(JSON.stringify(d));
const t1 = performance.now();
let n = 0;
for (const d of docs) { const xs = fc.sample(dataFor(d, d), { seed: 1, numRuns: 10 }); n += xs.length; if (d === docs[0] || d === docs[3]) console.log(xs.map(x => JSON.stringify(x)).join("\n")); }
console.log("data ms", performance.now() - t1, n);
