// Start-up driver for @hyperjump/json-schema (draft 2020-12 entry point): load the namespace's schemas (one JSON
// array, refs already rewritten to the siblings' $id — see bench/lib/cognito.mjs), `registerSchema` each,
// validate one instance (`validate(id, instance)`, which compiles the schema on first use; FLAG output), exit.
// Formats: `@hyperjump/json-schema/formats-lite` loaded and `setShouldValidateFormat(true)`, so date-time is
// asserted as with schemaforge and ajv (the -lite set leaves out only hostname/idn-*, which Cognito does not use).
//
// usage: node bench/drivers/startup-hyperjump.mjs <schemas.json> <$id> <instance.json>
import { readFileSync } from 'node:fs';
import { registerSchema, setShouldValidateFormat, validate } from '@hyperjump/json-schema/draft-2020-12';
import '@hyperjump/json-schema/formats-lite';

const [schemasPath, id, instancePath] = process.argv.slice(2);
const instance = JSON.parse(readFileSync(instancePath, 'utf8'));
setShouldValidateFormat(true);
for (const schema of JSON.parse(readFileSync(schemasPath, 'utf8'))) registerSchema(schema);
const output = await validate(id, instance);
if (output.valid !== true) {
  console.error('hyperjump rejected the instance', JSON.stringify(output));
  process.exit(1);
}
