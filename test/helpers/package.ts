/**
 * A generated package as a user gets it, for behaviour tests: generated in memory from the given inputs,
 * written to a temp folder, its entry module imported, and TypeScript snippets that use it type-checked.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate, type GenerateResult } from "../../src/pipeline.js";
import type { GenerateOptions } from "../../src/config/options.js";
import { removeTemp, typeCheck, writeTemp } from "./tsc.js";

export type Validate = (v: unknown) => { valid: boolean; errors?: { instancePath: string; keyword: string; message: string }[] };

export interface BuiltPackage {
  result: GenerateResult;
  /** The package root's exports (validators and enum objects). */
  module: Record<string, unknown>;
  validate(type: string, value: unknown): boolean;
  /** Type errors of a consumer module (`import … from "./index.js"`), as `file(line,col): message`. */
  typeErrors(consumer: string): string[];
  dispose(): void;
}

/** Generates a package from `files` (path → text) and loads it. */
export async function buildPackage(files: Record<string, string>, options: Omit<GenerateOptions, "inputs"> = {}): Promise<BuiltPackage> {
  const input = writeTemp(files, "sf-input-");
  try {
    const result = await generate({ ...options, inputs: [input] });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new Error(`generation failed: ${errors.map((d) => `${d.code}: ${d.message}`).join("; ")}`);
    const dir = writeTemp(result.files, "sf-package-");
    const module = (await import(pathToFileURL(join(dir, "index.js")).href)) as Record<string, unknown>;
    return {
      result,
      module,
      validate: (type, value) => (module[`validate${type}`] as Validate)(value).valid,
      typeErrors: (consumer) => typeCheck({ ...result.files, "consumer.ts": consumer }, { roots: ["consumer.ts"] }),
      dispose: () => removeTemp(dir),
    };
  } finally {
    removeTemp(input);
  }
}
