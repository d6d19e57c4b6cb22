// The aws-cognito json-schema corpus as the peers need it: 575 files, one shape each, every file with a `$id`
// and a `title`, and references `#/components/schemas/X` that point OUT of the file at the sibling titled X
// (they come from the OpenAPI documents' components). ajv and hyperjump resolve `#/…` inside the file itself, so
// for them each such ref is rewritten to the sibling's own `$id` (an absolute URL), which every file already
// declares: `{"$ref": "#/components/schemas/UserPoolIdType"}` →
// `{"$ref": "https://raw.githubusercontent.com/…/cognito-idp-user-pool-id-type-schema.json"}`. Nothing else
// changes. Titles are unique across the 575 files, so the mapping is unambiguous.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COGNITO_JSON_SCHEMA_DIR } from './paths.mjs';

const COMPONENT_REF = '#/components/schemas/';

/** @returns {{ file: string, namespace: 'cognito-idp' | 'cognito-identity', schema: object }[]} in file-name order */
export function loadCognito(dir = COGNITO_JSON_SCHEMA_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      namespace: file.startsWith('cognito-idp-') ? 'cognito-idp' : 'cognito-identity',
      schema: JSON.parse(readFileSync(join(dir, file), 'utf8')),
    }));
}

/** Rewrites every `#/components/schemas/X` (in place) to the `$id` of the document titled X. */
export function rewriteRefs(docs) {
  const idByTitle = new Map(docs.map((d) => [d.schema.title, d.schema.$id]));
  const walk = (node) => {
    if (Array.isArray(node)) for (const x of node) walk(x);
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_REF)) {
          const id = idByTitle.get(v.slice(COMPONENT_REF.length));
          if (!id) throw new Error(`no document titled ${v.slice(COMPONENT_REF.length)}`);
          node.$ref = id;
        } else walk(v);
      }
    }
  };
  for (const d of docs) walk(d.schema);
  return docs;
}

export const NAMESPACES = ['cognito-idp', 'cognito-identity'];

/** ajv's options for the corpus (both variants, runtime and standalone): defaults + formats. */
export function configureAjv(ajv, addFormats) {
  addFormats(ajv); // ajv-formats "full" mode: date-time is asserted, as schemaforge does by default
  ajv.addFormat('password', true); // an OpenAPI annotation: schemaforge lets unknown formats pass, so does this
  return ajv;
}
