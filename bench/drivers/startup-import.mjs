// Start-up driver for precompiled validators (schemaforge's generated package, ajv's standalone module):
// import the module, validate one instance with one export, exit. The whole process is what is timed.
//
// usage: node bench/drivers/startup-import.mjs <module> <export> <instance.json>
// Exit 1 if the instance is not valid (it is: the prepare step built it as a valid instance).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [module, name, instancePath] = process.argv.slice(2);
const instance = JSON.parse(readFileSync(instancePath, 'utf8'));
const mod = await import(pathToFileURL(module).href);
if (mod[name](instance) !== true) {
  console.error(`${name} rejected the instance`);
  process.exit(1);
}
