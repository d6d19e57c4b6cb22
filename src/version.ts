import { readFileSync } from "node:fs";

/** The toolkit's version, from its package.json (dist/src/version.js → ../../package.json; the bundled CLI, dist/src/cli/schemaforge.mjs → ../../../package.json). */
export const VERSION: string = (() => {
  for (const rel of ["../../package.json", "../../../package.json", "../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "schemaforge" && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return "0.0.0";
})();
