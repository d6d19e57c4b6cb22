// Inspect a job's generated TypeScript: files, bytes, exported declarations and numbered
// duplicates (`Foo1`, `Foo2` next to `Foo` — what json-schema-to-typescript does on name clashes).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* tsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(p);
    else if (/\.(d\.)?[cm]?ts$/.test(entry.name)) yield p;
  }
}

const EXPORT_RE =
  /^export\s+(?:declare\s+)?(?:const\s+enum|type|interface|enum|class|abstract\s+class|function|const|let)\s+([A-Za-z_$][\w$]*)/gm;

/** @returns {{ files: number, bytes: number, exports: number, numberedDuplicates: string[] }} */
export function inspectTsOutput(dir) {
  let files = 0;
  let bytes = 0;
  let exports = 0;
  const perFile = [];
  for (const file of tsFiles(dir)) {
    files++;
    bytes += statSync(file).size;
    const names = new Set();
    for (const m of readFileSync(file, 'utf8').matchAll(EXPORT_RE)) {
      exports++;
      names.add(m[1]);
    }
    perFile.push(names);
  }
  // A name is a numbered duplicate when stripping trailing digits gives another export of the
  // same file (so `Ec2` alone is not counted, `Foo1` next to `Foo` is).
  const numberedDuplicates = perFile.flatMap((names) =>
    [...names].filter((n) => {
      const base = n.replace(/\d+$/, '');
      return base !== n && names.has(base);
    }),
  );
  return { files, bytes, exports, numberedDuplicates };
}

function* allFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* allFiles(p);
    else yield p;
  }
}

/** Any job's output folder: how many files and bytes it wrote. @returns {{ files: number, bytes: number }} */
export function inspectFiles(dir) {
  let files = 0;
  let bytes = 0;
  for (const file of allFiles(dir)) {
    files++;
    bytes += statSync(file).size;
  }
  return { files, bytes };
}
