// Start-up reference: what every start-up row pays before any validator code — node start-up, loading an
// ES module, reading and parsing the instance. No validation.
//
// usage: node bench/drivers/startup-baseline.mjs <instance.json>
import { readFileSync } from 'node:fs';

const instance = JSON.parse(readFileSync(process.argv[2], 'utf8'));
if (instance === undefined) process.exit(1);
