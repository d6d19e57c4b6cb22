/**
 * `dependentRequired` and `dependentSchemas` (draft 7's `dependencies`) → a union per trigger member, joined to
 * the object type: either the member is absent (`{ k?: never }`), or it is present together with the members it
 * requires and the schema it brings (`{ k: unknown; other: unknown } & Dependent`).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.4
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2.4
 */
import { isSchemaObject, type SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { ObjectNode, TypeNode } from "../ir.js";
import { admitsEverything } from "./not.js";

const member = (name: string, required: boolean, type: TypeNode) => ({ name, required, type });

function absent(key: string): ObjectNode {
  return { kind: "object", properties: [member(key, false, { kind: "never" })] };
}

function present(key: string, others: string[]): ObjectNode {
  const names = [key, ...others.filter((n, i) => n !== key && others.indexOf(n) === i)];
  return { kind: "object", properties: names.map((n) => member(n, true, { kind: "unknown" })) };
}

/** The dependent schema only ever meets objects: a typeless one's string, number, … members are left out. */
function objectsOnly(t: TypeNode): TypeNode {
  if (t.kind !== "union") return t;
  const members = t.members.filter((m) => !["primitive", "array", "tuple"].includes(m.kind));
  return members.length === 1 ? { ...members[0]!, ...(t.docs ? { docs: t.docs } : {}) } : { ...t, members };
}

/** The parts the dependencies add to an object's type (none when there are none). */
export function buildDependencies(s: SchemaObject, ctx: BuildContext): TypeNode[] {
  const parts: TypeNode[] = [];
  const required = s.dependentRequired;
  if (isSchemaObject(required)) {
    for (const key of Object.keys(required)) {
      const names = required[key];
      if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === "string")) continue;
      parts.push({ kind: "union", members: [absent(key), present(key, names as string[])] });
    }
  }
  const schemas = s.dependentSchemas;
  if (isSchemaObject(schemas)) {
    for (const key of Object.keys(schemas)) {
      if (admitsEverything(schemas[key])) continue;
      const dependent = objectsOnly(ctx.sub(["dependentSchemas", key], schemas[key]));
      const when: TypeNode = dependent.kind === "never" ? { kind: "never" } : { kind: "intersection", members: [present(key, []), dependent] };
      parts.push({ kind: "union", members: [absent(key), when] });
    }
  }
  return parts;
}
