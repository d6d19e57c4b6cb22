/**
 * The two reference validators of the differential test: ajv 8 (`Ajv2020` for 2020-12, `Ajv` for draft-07) and
 * @hyperjump/json-schema. Each schema is compiled once; a schema an oracle cannot compile gives no verdict
 * (`"error"`, with the message), which the test counts as a disagreement between the oracles, not a failure.
 */
import { registerSchema, validate as hyperjumpValidate } from "@hyperjump/json-schema/draft-2020-12";
import "@hyperjump/json-schema/draft-07";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Dialect, Json, JsonObject } from "./arbitraries.js";

export type Verdict = boolean | "error";

export interface Oracle {
  /** Whether the data is valid; "error" when the schema did not compile or validation threw. */
  check(data: Json): Verdict;
  /** Why the schema did not compile, if it did not. */
  compileError?: string;
}

/** ajv: no strict mode (it rejects schemas the spec allows), all the keywords of the dialect, no formats asserted. */
const ajv2020 = new Ajv2020({ strict: false, validateFormats: false });
const ajv07 = new Ajv({ strict: false, validateFormats: false });

export function ajvOracle(schema: JsonObject, dialect: Dialect): Oracle {
  try {
    const fn = (dialect === "2020-12" ? ajv2020 : ajv07).compile(schema);
    return {
      check(data) {
        try {
          return fn(data) === true;
        } catch {
          return "error";
        }
      },
    };
  } catch (e) {
    return { check: () => "error", compileError: `ajv: ${(e as Error).message.split("\n")[0]}` };
  }
}

let registered = 0;

/** hyperjump: the schema is registered under a fresh URI (its `$schema` picks the dialect) and compiled once. */
export async function hyperjumpOracle(schema: JsonObject): Promise<Oracle> {
  const uri = `https://schemaforge.test/differential/${process.pid}/${registered++}`;
  try {
    registerSchema(schema as Parameters<typeof registerSchema>[0], uri);
    const fn = await hyperjumpValidate(uri);
    return {
      check(data) {
        try {
          return fn(data).valid;
        } catch {
          return "error";
        }
      },
    };
  } catch (e) {
    return { check: () => "error", compileError: `hyperjump: ${(e as Error).message.split("\n")[0]}` };
  }
}
