/**
 * The compiled validators of a namespace as functions of this process: the same constants and node functions
 * the validators template prints, evaluated with `node:vm` over our run-time helpers and format checks (the
 * functions the package's `runtime.js` and `formats.js` are printed from). Used at generation time to check
 * values (the docs' examples) with exactly the code a user of the package runs.
 */
import { runInThisContext } from "node:vm";
import type { EmitContext } from "../../src/emit/template.js";
import { compiledNamespace } from "./index.js";
import { FORMATS } from "./runtime/formats.js";
import { HELPERS } from "./runtime/helpers.js";

/** An error as the generated validators report it. */
export interface ValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

export type StandaloneValidate = (value: unknown) => { valid: true } | { valid: false; errors: ValidationError[] };

/** `validateX` for every declaration of the namespace, by declaration id. */
export function standaloneValidators(context: EmitContext, namespace: string): Map<string, StandaloneValidate> {
  const unit = compiledNamespace(context, namespace);
  const ids = [...unit.entries.keys()];
  const helpers = unit.helpers;
  const formats = unit.formats.map((f) => FORMATS[f]!.fn.name);
  const source = [
    "(function (R, F) {",
    '"use strict";',
    ...helpers.map((h) => `const R_${h} = R.${h};`),
    ...[...new Set(formats)].map((f) => `const ${f} = F.${f};`),
    unit.body,
    `return [${ids.map((id) => `[${unit.entries.get(id)!.fn.text}, ${unit.entries.get(id)!.scope.text}]`).join(", ")}];`,
    "})",
  ].join("\n");
  const factory = runInThisContext(source, { filename: `schemaforge-validators-${context.moduleOf(namespace)}.js` }) as (
    r: typeof HELPERS,
    f: Record<string, unknown>,
  ) => [unknown, unknown][];
  const formatFns = Object.fromEntries(Object.values(FORMATS).map((f) => [f.fn.name, f.fn]));
  const fns = factory(HELPERS, formatFns);
  const validate = HELPERS.validate as (fn: unknown, value: unknown, options: unknown, scope: unknown) => ReturnType<StandaloneValidate>;
  return new Map(
    ids.map((id, i) => {
      const [fn, scope] = fns[i]! as [(d: unknown, p: null, sp: null, E: null, A: null, S: unknown) => boolean, unknown];
      // The boolean check first (what isX runs); the errors only for a value it rejects.
      return [id, (value: unknown) => (fn(value, null, null, null, null, scope) ? { valid: true } : validate(fn, value, { allErrors: true }, scope))];
    }),
  );
}
