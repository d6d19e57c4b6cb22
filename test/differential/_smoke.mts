import { generate } from "../../src/pipeline.js";
const t0 = performance.now();
const r = await generate({ inputs: ["/tmp/sfd/in/c0/schema.json", "/tmp/sfd/in/c1/schema.json"], emit: ["types","validators"], formats: "annotate", namespaceBy: "folder", packageName: "x" } as any);
console.log(performance.now()-t0, Object.keys(r.files), r.diagnostics, r.types.map(t=>[t.name,t.namespace,t.source]));
console.log(r.files["c0.js"]);
console.log(r.files["validators/c0.js"]); console.log(r.files["validators/c1.js"]);
