/**
 * Hostile schema text end to end: titles, descriptions, property names, enum values, defaults, examples and
 * patterns carrying comment terminators, backticks, `${…}`, quotes, line separators, `</script>`, `__proto__` and
 * `constructor`. The generated package must compile, declare only what the schema names, and import without
 * running anything.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../../src/pipeline.js";
import { removeTemp, typeCheck, writeTemp } from "../../helpers/tsc.js";

/**
 * Top-level declarations across every generated .d.ts (re-exports and imports left out). The CommonJS build's
 * copies under cjs/ are checked to be byte-identical instead of counted twice.
 */
function declaredNames(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith(".d.ts")) continue;
    if (path.startsWith("cjs/")) {
      expect(text, path).toBe(files[path.slice("cjs/".length)]);
      continue;
    }
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    for (const s of sf.statements) {
      if (ts.isExportDeclaration(s) || ts.isImportDeclaration(s)) continue;
      if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) out.push(`type ${s.name.text}`);
      else if (ts.isVariableStatement(s)) out.push(...s.declarationList.declarations.map((d) => `const ${d.name.getText(sf)}`));
      else out.push(ts.SyntaxKind[s.kind]);
    }
  }
  return out.sort();
}

const kindValues = ["*/", "`${globalThis.pwned = 1}`", '"', "'", "\u2028", "\u2029", "</script>", "__proto__", "constructor", "a\\b", "toString", "${x}"];

function evilSchema(): unknown {
  // Object.fromEntries defines "__proto__" as an own member, so JSON.stringify writes it.
  const properties = Object.fromEntries<unknown>([
    ["*/ x", { type: "string", description: "*/ globalThis.pwned = 2;", pattern: "^a*/b`${x}`$", default: "*/\u2028`${x}`</script>" }],
    ["__proto__", { type: "string", description: "a member named __proto__" }],
    ["constructor", { type: "number" }],
    ["a\u2028b", { type: "boolean" }],
    ["</script>", { type: "string", examples: ["</script><script>globalThis.pwned = 3</script>"] }],
    ["`${globalThis.pwned = 4}`", { type: "string" }],
    ['say "hi"', { type: "string", description: 'He said "hi" and left `quietly`' }],
    ["kind", { $ref: "kind.json" }],
  ]);
  return {
    title: 'Evil */ `${x}` "q" \u2028 </script> __proto__ constructor',
    description: "*/ globalThis.pwned = 1; /*",
    type: "object",
    properties,
    required: ["__proto__", "constructor"],
  };
}

describe("hostile text end to end", () => {
  let r: GenerateResult;
  let evil: string;
  beforeAll(async () => {
    const dir = writeTemp({
      "evil.json": JSON.stringify(evilSchema(), null, 2),
      "kind.json": JSON.stringify({ title: "Kind", description: "`${globalThis.pwned = 5}` */", enum: kindValues }),
    });
    try {
      // With the CommonJS build: its .js files are checked below too (esbuild rewrites string escapes).
      r = await generate({ inputs: [dir], namespaceBy: "none", emit: ["types"], commonjs: true });
    } finally {
      removeTemp(dir);
    }
    evil = r.types.find((t) => t.source.uri.endsWith("evil.json"))!.name;
  });

  it("generates without errors, and a valid identifier for the hostile title", () => {
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(evil).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    expect(r.types.map((t) => t.name).sort()).toEqual([evil, "Kind"].sort());
  });

  it("the .d.ts files type-check, with every hostile member name usable from a consumer", () => {
    const consumer = [
      `import { Kind } from "./index.js";`,
      `import type { ${evil} } from "./index.js";`,
      `type Keys = keyof ${evil};`,
      `export const keys: Keys[] = ["*/ x", "__proto__", "constructor", "a\\u2028b", "</script>", "\`\${globalThis.pwned = 4}\`", 'say "hi"', "kind"];`,
      `export const c: ${evil}["constructor"] = 1;`,
      `export const p: ${evil}["__proto__"] = "p";`,
      `export const k: Kind = Kind["*/"];`,
      `export const t: Kind = "\`\${globalThis.pwned = 1}\`";`,
      `// @ts-expect-error not a member of the enum`,
      `export const bad: Kind = "nope";`,
    ].join("\n");
    expect(typeCheck({ ...r.files, "consumer.ts": consumer })).toEqual([]);
    expect(typeCheck({ ...r.files, "consumer.ts": consumer }, { moduleResolution: "bundler" })).toEqual([]);
  });

  it("the .d.ts declares exactly the schema's names: nothing leaks out of a comment", () => {
    expect(declaredNames(r.files)).toEqual([`type ${evil}`, "const Kind", "type Kind"].sort());
  });

  it("the .js holds no </script> and no line separator in its text", () => {
    for (const [path, text] of Object.entries(r.files)) {
      if (!path.endsWith(".js")) continue;
      expect(text, path).not.toMatch(/<\/script/i);
      expect(text, path).not.toMatch(/[\u2028\u2029]/);
    }
  });

  it("importing the .js runs no injected code, and the enum object holds exactly the values", async () => {
    const dir = writeTemp(r.files);
    try {
      const mod = (await import(pathToFileURL(join(dir, "index.js")).href)) as { Kind: Record<string, string> };
      // Every generated module, not only the root: none may run anything when imported.
      for (const path of Object.keys(r.files).filter((p) => p.endsWith(".js"))) await import(pathToFileURL(join(dir, path)).href);
      expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
      const kind = mod.Kind;
      expect(Object.getPrototypeOf(kind)).toBe(Object.prototype);
      expect(Object.isFrozen(kind)).toBe(true);
      expect(Object.keys(kind)).toEqual(kindValues);
      for (const v of kindValues) expect(Object.getOwnPropertyDescriptor(kind, v)?.value, JSON.stringify(v)).toBe(v);
    } finally {
      removeTemp(dir);
    }
  });
});

describe("hostile text that once escaped the comments", () => {
  async function dtsOf(schema: unknown): Promise<GenerateResult> {
    const dir = writeTemp({ "s.json": JSON.stringify(schema) });
    try {
      return await generate({ inputs: [dir], namespaceBy: "none", emit: ["types"] });
    } finally {
      removeTemp(dir);
    }
  }

  it("a description with /* on a member that has tags", async () => {
    const r = await dtsOf({
      title: "Route",
      type: "object",
      properties: { path: { type: "string", description: "A glob such as /users/* or /teams/*", maxLength: 100, default: "/" } },
    });
    expect(typeCheck(r.files)).toEqual([]);
  });

  it("a control character between * and /", async () => {
    const r = await dtsOf({
      title: "Ctl",
      description: "*\u0001/ export declare const pwned: 1; /*",
      type: "object",
      properties: { a: { type: "string", description: "*\u0002/ b: number; /*" } },
    });
    // Today: `/** */ export declare const pwned: 1; /* */` above the interface, and a member `b` inside it.
    expect(declaredNames(r.files)).toEqual(["type Ctl"]);
    expect(typeCheck({ ...r.files, "c.ts": 'import type { Ctl } from "./index.js";\nexport const c: Ctl = { a: "x" };\n' })).toEqual([]);
  });
});
