// Start-up driver for ajv compiling at run time: load the namespace's schemas (one JSON array, refs already
// rewritten to the siblings' $id — see bench/lib/cognito.mjs), `addSchema` them all (ajv validates each
// against the 2020-12 metaschema, its default), compile the ONE schema needed (`getSchema`, which compiles it and
// what it references — ajv's lazy, idiomatic use), validate one instance, exit.
// Options: Ajv2020 defaults + ajv-formats + format "password" declared always-valid (as for every ajv job).
//
// usage: node bench/drivers/startup-ajv.mjs <schemas.json> <$id> <instance.json>
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [schemasPath, id, instancePath] = process.argv.slice(2);
const instance = JSON.parse(readFileSync(instancePath, 'utf8'));
const ajv = new Ajv2020();
addFormats(ajv);
ajv.addFormat('password', true);
ajv.addSchema(JSON.parse(readFileSync(schemasPath, 'utf8')));
const validate = ajv.getSchema(id);
if (validate(instance) !== true) {
  console.error('ajv rejected the instance', validate.errors);
  process.exit(1);
}
