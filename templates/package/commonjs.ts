/**
 * The CommonJS build of the package, for `require` (Node 20 cannot `require` an ES module by default): every
 * emitted `.js` module is transformed to CommonJS under `cjs/` with esbuild (a syntax transform of the printed
 * JavaScript, deterministic; ~50× faster than TypeScript's transpileModule on a 0.5 MB validators module), and
 * every `.d.ts` is repeated there so that TypeScript types a `require` of the package as CommonJS.
 * `cjs/package.json` marks the folder as CommonJS. The two builds are separate module instances: a
 * `ValidationFailure` thrown by one is not an `instanceof` the other's class.
 */
import { createRequire } from "node:module";
import type * as Esbuild from "esbuild";
import type { OutputFile } from "../../src/emit/template.js";
import { scriptSafe } from "../../src/emit/ts-syntax.js";

export const CJS_DIR = "cjs";

/** esbuild, loaded on first use: runs without the CommonJS build never start it. */
function esbuild(): typeof Esbuild {
  return createRequire(import.meta.url)("esbuild") as typeof Esbuild;
}

/**
 * Starts esbuild's service process now (the pipeline calls this before the model is built when the run will
 * need it), so that spawning it overlaps with the work of this thread.
 */
export function warmCommonJsBuild(): void {
  esbuild()
    .transform("", {})
    .catch(() => undefined); // a failure shows again, with its message, in commonJsBuild
}

export async function commonJsBuild(files: readonly OutputFile[], banner: string): Promise<OutputFile[]> {
  const { transform } = esbuild();
  const out: OutputFile[] = [{ path: `${CJS_DIR}/package.json`, contents: JSON.stringify({ type: "commonjs" }, null, 2) + "\n" }];
  const pending: Promise<void>[] = [];
  for (const f of files) {
    if (f.path.endsWith(".d.ts")) {
      out.push({ path: `${CJS_DIR}/${f.path}`, contents: f.contents });
    } else if (f.path.endsWith(".js")) {
      // All files at once: esbuild's process transforms them in parallel, beside this thread.
      const file: OutputFile = { path: `${CJS_DIR}/${f.path}`, contents: "" };
      out.push(file);
      pending.push(
        transform(f.contents, { format: "cjs", platform: "node", target: "es2022", sourcefile: f.path, banner, legalComments: "none" }).then(({ code }) => {
          file.contents = scriptSafe(code);
        }),
      );
    }
  }
  await Promise.all(pending);
  return out;
}
