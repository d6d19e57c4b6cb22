/**
 * The hostile-input corpus (cases.ts) through `generate()`: every case ends in the diagnostics it names, or in a
 * package that compiles under `tsc --strict` (all cases in ONE program) and whose validators load without side
 * effects and run on the case's data without throwing. No case may make generate() throw, and none may read a
 * file outside its folder or fetch a URL (a local server counts the requests).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../src/index.js";
import { typeCheckDir } from "../helpers/tsc.js";
import { cases, type HostileCase } from "./cases.js";

let work: string;
let server: Server;
let port = 0;
let requests = 0;
const results = new Map<string, GenerateResult>();

function slugOf(c: HostileCase): string {
  return c.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase().slice(0, 60);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "sf-hostile-"));
  server = createServer((_req, res) => {
    requests++;
    res.setHeader("content-type", "application/json");
    res.end('{"type":"string"}');
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  port = (server.address() as AddressInfo).port;
  for (const c of cases) {
    const dir = join(work, "in", slugOf(c));
    mkdirSync(dir, { recursive: true });
    for (const [file, contents] of Object.entries(c.files())) {
      writeFileSync(join(dir, file), typeof contents === "string" ? contents.replace("PORT", String(port)) : contents);
    }
    const result = await generate({ inputs: [dir], cwd: dir, namespaceBy: "none", packageName: "hostile", ...c.options });
    results.set(c.name, result);
    if (c.compiles) {
      const out = join(work, "out", slugOf(c));
      for (const [path, contents] of Object.entries(result.files)) {
        mkdirSync(dirname(join(out, path)), { recursive: true });
        writeFileSync(join(out, path), contents);
      }
    }
  }
}, 600_000);

afterAll(() => {
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("hostile inputs", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const result = results.get(c.name)!;
      const shown = result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.uri ? basename(d.uri) : ""}:${d.line}:${d.column} ${d.pointer ?? ""} ${d.message.slice(0, 200)}`);
      for (const want of c.diagnostics ?? []) {
        const found = result.diagnostics.find(
          (d) =>
            d.code === want.code &&
            (want.severity === undefined || d.severity === want.severity) &&
            (want.file === undefined || (d.uri !== undefined && basename(d.uri) === want.file)) &&
            (want.pointer === undefined || d.pointer === want.pointer) &&
            (want.line === undefined || d.line === want.line) &&
            (want.column === undefined || d.column === want.column) &&
            (want.says === undefined || d.message.includes(want.says)),
        );
        expect(found, `expected ${JSON.stringify(want)} among:\n${shown.join("\n")}`).toBeDefined();
        // Every diagnostic is a person's: a hint, and no stack trace.
        expect(found!.hint).toBeTruthy();
        expect(found!.message).not.toMatch(/\n\s+at /);
      }
      if (c.compiles) {
        expect(result.diagnostics.filter((d) => d.severity === "error"), shown.join("\n")).toEqual([]);
        expect(Object.keys(result.files)).toContain("index.js");
        const root = result.types.find((t) => t.source.pointer === "") ?? result.types[0]!;
        const mod = (await import(pathToFileURL(join(work, "out", slugOf(c), "index.js")).href)) as Record<string, unknown>;
        expect((globalThis as { PWNED?: unknown }).PWNED, "loading the package ran code from the schema").toBeUndefined();
        expect(({} as Record<string, unknown>).polluted, "Object.prototype was polluted").toBeUndefined();
        const validate = mod[`validate${root.name}`] as (v: unknown) => { valid: boolean; errors?: unknown[] };
        const is = mod[`is${root.name}`] as (v: unknown) => boolean;
        expect(typeof validate).toBe("function");
        const assertFn = mod[`assert${root.name}`] as (v: unknown) => void;
        for (const { value, valid, tooDeep } of c.data ?? []) {
          const r = validate(value);
          if (tooDeep) {
            // `is` has no error channel: on such data it throws the RangeError (README); validate and assert report it.
            expect(r).toEqual({ valid: false, errors: [expect.objectContaining({ keyword: "$depth", instancePath: "" })] });
            expect(() => assertFn(value)).toThrow(expect.objectContaining({ errors: r.errors }));
            continue;
          }
          expect(is(value)).toBe(r.valid);
          if (valid !== undefined) expect(r.valid, JSON.stringify(r.errors ?? []).slice(0, 500)).toBe(valid);
        }
        expect(({} as Record<string, unknown>).polluted, "validation polluted Object.prototype").toBeUndefined();
      } else if (!(c.diagnostics ?? []).some((d) => d.severity === "warning")) {
        expect(result.written).toBe(false);
        expect(result.files).toEqual({});
      }
    });
  }

  it("nothing was fetched: the remote $ref's server got no request", () => {
    expect(port).toBeGreaterThan(0);
    expect(requests).toBe(0);
  });

  it("every package that must compile does, under tsc --strict (one program for all cases)", () => {
    const roots = cases.filter((c) => c.compiles).map((c) => join(work, "out", slugOf(c), "index.d.ts"));
    expect(typeCheckDir(work, roots)).toEqual([]);
  }, 300_000);
});
