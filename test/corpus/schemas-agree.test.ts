/**
 * schemas/ is a slice of the Cognito corpus rewritten in our own words: the facts (structure, types,
 * constraints, enums, $refs) must match the corpus file of the same name exactly, the descriptions must not,
 * and the slice must be exactly the $ref closure of the auth-challenge operations.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cognitoJsonSchemaDir, describeShared, projectRoot } from "../helpers/shared.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The operations the slice is built around; everything they reach through $ref is included, nothing else. */
const ROOTS = [
  "InitiateAuthRequest",
  "InitiateAuthResponse",
  "RespondToAuthChallengeRequest",
  "RespondToAuthChallengeResponse",
  "AdminInitiateAuthRequest",
  "AdminInitiateAuthResponse",
  "AdminRespondToAuthChallengeRequest",
  "AdminRespondToAuthChallengeResponse",
] as const;

const NAMESPACE_PREFIX = "cognito-idp-";
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;
const ID_BASE = "https://schemaforge.example/schemas/";
const SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
const TRAILING_ROOT_KEYS = ["$schema", "$id", "title", "description"];

const schemasDir = join(projectRoot, "schemas");
// Listed at collection time (schemas/ is in the repo); the corpus is only read inside the tests, so a
// skipped suite (no ../shared) never touches it.
const ourFiles = readdirSync(schemasDir)
  .filter((f) => f.endsWith(".json"))
  .sort();

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readJson(path: string): JsonObject {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as Json;
  if (!isObject(parsed)) throw new Error(`${path}: expected a JSON object at the root`);
  return parsed;
}

function titleOf(schema: JsonObject, file: string): string {
  const title = schema["title"];
  if (typeof title !== "string") throw new Error(`${file}: no string "title"`);
  return title;
}

/** A deep copy without any `description` key (at any depth). */
function withoutDescriptions(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== "description") out[key] = withoutDescriptions(child);
  }
  return out;
}

/** The facts to compare: descriptions removed everywhere, `$id` removed at the root. */
function facts(schema: JsonObject): Json {
  const { $id: _id, ...rest } = schema;
  return withoutDescriptions(rest);
}

/** Every `description` string, keyed by the JSON pointer of the object that holds it. */
function descriptions(value: Json, pointer = "", out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    value.forEach((child, i) => descriptions(child, `${pointer}/${i}`, out));
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "description" && typeof child === "string") out.set(pointer, child);
      else descriptions(child, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
    }
  }
  return out;
}

/** Every `$ref` value in the document (at any depth). */
function refs(value: Json, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((child) => refs(child, out));
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") out.push(child);
      else refs(child, out);
    }
  }
  return out;
}

/** `#/components/schemas/X` → `X`; anything else is a failure (the convention only uses component refs). */
function componentName(ref: string, file: string): string {
  const match = COMPONENT_REF.exec(ref);
  if (!match?.[1]) throw new Error(`${file}: $ref ${JSON.stringify(ref)} is not of the form #/components/schemas/X`);
  return match[1];
}

interface Corpus {
  /** corpus file name → parsed document, for the cognito-idp namespace */
  files: Map<string, JsonObject>;
  /** title → corpus file name, for the cognito-idp namespace */
  fileByTitle: Map<string, string>;
}

let corpusCache: Corpus | undefined;
function corpus(): Corpus {
  if (corpusCache) return corpusCache;
  const files = new Map<string, JsonObject>();
  const fileByTitle = new Map<string, string>();
  for (const file of readdirSync(cognitoJsonSchemaDir).sort()) {
    if (!file.startsWith(NAMESPACE_PREFIX) || !file.endsWith(".json")) continue;
    const schema = readJson(join(cognitoJsonSchemaDir, file));
    const title = titleOf(schema, file);
    const clash = fileByTitle.get(title);
    if (clash) throw new Error(`corpus: title ${title} is used by both ${clash} and ${file}`);
    files.set(file, schema);
    fileByTitle.set(title, file);
  }
  corpusCache = { files, fileByTitle };
  return corpusCache;
}

/** The corpus files reached from ROOTS through $refs, resolving `#/components/schemas/X` to the file titled X. */
function closure(): string[] {
  const { files, fileByTitle } = corpus();
  const seen = new Set<string>();
  const queue: string[] = [...ROOTS];
  for (let title = queue.shift(); title !== undefined; title = queue.shift()) {
    const file = fileByTitle.get(title);
    if (!file) throw new Error(`corpus: no ${NAMESPACE_PREFIX}* file has title ${title}`);
    if (seen.has(file)) continue;
    seen.add(file);
    const schema = files.get(file);
    if (!schema) throw new Error(`corpus: ${file} vanished`);
    for (const ref of refs(schema)) queue.push(componentName(ref, file));
  }
  return [...seen].sort();
}

function ours(file: string): JsonObject {
  return readJson(join(schemasDir, file));
}

function corpusFile(file: string): JsonObject {
  const schema = corpus().files.get(file);
  if (!schema) throw new Error(`${file}: no corpus file of that name in ${cognitoJsonSchemaDir}`);
  return schema;
}

describeShared(
  "schemas/ agrees with the Cognito corpus",
  () => {
    it("holds exactly the $ref closure of the 8 auth-challenge roots", () => {
      const expected = closure();
      expect(expected.length).toBeGreaterThanOrEqual(ROOTS.length);
      expect(ourFiles).toEqual(expected);
    });

    it.each(ourFiles)("%s: same facts as the corpus (descriptions and $id aside)", (file) => {
      expect(facts(ours(file))).toStrictEqual(facts(corpusFile(file)));
    });

    it.each(ourFiles)("%s: root metadata follows the convention", (file) => {
      const schema = ours(file);
      expect(schema["$schema"]).toBe(SCHEMA_DIALECT);
      expect(schema["$id"]).toBe(`${ID_BASE}${file}`);
      // structural keywords first, then $schema, $id, title, description
      expect(Object.keys(schema).slice(-TRAILING_ROOT_KEYS.length)).toEqual(TRAILING_ROOT_KEYS);
    });

    it.each(ourFiles)("%s: descriptions are our own words", (file) => {
      const mine = descriptions(ours(file));
      const theirs = descriptions(corpusFile(file));
      // a description wherever the corpus has one, and nowhere else
      expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
      const shape = mine.get("");
      expect(shape, "shape-level description").toBeTypeOf("string");
      expect(shape).not.toMatch(/schema from Amazon Cognito$/);
      for (const [pointer, text] of mine) {
        expect(text.trim(), `${file}#${pointer} is empty`).not.toBe("");
        expect(text, `${file}#${pointer} copies the corpus`).not.toBe(theirs.get(pointer));
      }
    });

    it.each(ourFiles)("%s: every $ref resolves to a file in schemas/", (file) => {
      const titles = new Set(ourFiles.map((f) => titleOf(ours(f), f)));
      for (const ref of refs(ours(file))) {
        expect(titles, `${file}: ${ref}`).toContain(componentName(ref, file));
      }
    });

    it.each(ourFiles)("%s: is pretty-printed with 2 spaces and a trailing newline", (file) => {
      const text = readFileSync(join(schemasDir, file), "utf8");
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    });

    it("exercises HTML conversion and comment escaping somewhere in the slice", () => {
      const all = ourFiles.flatMap((f) => [...descriptions(ours(f)).values()]);
      expect(all.some((d) => d.includes("<code>"))).toBe(true);
      expect(all.some((d) => d.includes("<p>"))).toBe(true);
      expect(all.some((d) => /<ul>\s*<li>/.test(d))).toBe(true);
      expect(all.some((d) => d.includes('<a href="https://docs.aws.amazon.com/'))).toBe(true);
      expect(all.some((d) => d.includes("*/"))).toBe(true);
      expect(all.some((d) => d.includes("`"))).toBe(true);
    });
  },
  cognitoJsonSchemaDir,
);
