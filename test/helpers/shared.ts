/**
 * Locating ../shared (the corpora and the seed). CI always has it: there a missing folder is a failure.
 * Elsewhere a suite that needs it is skipped with a message that names the folder.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sharedDir = resolve(projectRoot, "..", "shared");
export const cognitoDir = join(sharedDir, "corpora", "aws-cognito");
export const cognitoJsonSchemaDir = join(cognitoDir, "json-schema");
export const cognitoOpenApiDir = join(cognitoDir, "openapi");
export const testSuiteDir = join(sharedDir, "corpora", "json-schema-test-suite");
export const seedFile = join(sharedDir, "seed", "cognito-idp-admin-respond-to-auth-challenge-request-schema.json");

/** Whether `path` (inside ../shared) exists; under CI=true a missing path throws so the run goes red. */
export function haveShared(path: string = sharedDir): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI === "true") {
    throw new Error(`CI=true but ${path} is missing: the corpus tests cannot run (CI must provide ../shared).`);
  }
  return false;
}

/** `describe` for suites that read ../shared: skipped locally (reason printed) when it is absent, failing under CI. */
export function describeShared(name: string, fn: () => void, path: string = sharedDir): void {
  if (haveShared(path)) {
    describe(name, fn);
  } else {
    console.warn(`skipping "${name}": ${path} is not present (reason: the shared corpora are not beside this checkout)`);
    describe.skip(`${name} (reason: ${path} missing)`, fn);
  }
}
