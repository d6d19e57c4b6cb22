/** The "detect discriminators" pass: which unions are named as tagged, and by which member. */
import { describe, expect, it } from "vitest";
import type { Declaration, Model, ObjectNode, TypeNode } from "../../../src/model/ir.js";
import { detectDiscriminators } from "../../../src/passes/detect-discriminators.js";

const object = (props: [string, TypeNode, boolean][]): ObjectNode => ({
  kind: "object",
  properties: props.map(([name, type, required]) => ({ name, type, required })),
});
const lit = (value: string): TypeNode => ({ kind: "literal", value });
const str: TypeNode = { kind: "primitive", type: "string" };

function notesOf(union: TypeNode, others: Record<string, TypeNode> = {}): string[] | undefined {
  const decl = (id: string, type: TypeNode): Declaration => ({ id, namespace: "", nameHints: [id], name: id, origin: "def", type, source: { uri: id, url: id, pointer: "" } });
  const declarations = [decl("U", union), ...Object.entries(others).map(([id, t]) => decl(id, t))];
  const model: Model = { declarations, byId: new Map(declarations.map((d) => [d.id, d])) };
  return detectDiscriminators(model).byId.get("U")!.type.docs?.notes;
}

describe("detect discriminators", () => {
  it.each<[string, TypeNode, Record<string, TypeNode>, string[] | undefined]>([
    [
      "inline objects with disjoint const tags",
      { kind: "union", members: [object([["n", str, true], ["kind", lit("a"), true]]), object([["kind", { kind: "enum", values: ["b", "c"] }, true]])] },
      {},
      ["Discriminated by `kind`."],
    ],
    [
      "references to tagged declarations",
      { kind: "union", members: [{ kind: "ref", target: "A" }, { kind: "ref", target: "B" }] },
      { A: object([["t", lit("a"), true]]), B: object([["t", lit("b"), true]]) },
      ["Discriminated by `t`."],
    ],
    ["a tag two members share", { kind: "union", members: [object([["t", lit("a"), true]]), object([["t", lit("a"), true]])] }, {}, undefined],
    ["an optional tag", { kind: "union", members: [object([["t", lit("a"), false]]), object([["t", lit("b"), true]])] }, {}, undefined],
    ["a member that is not an object", { kind: "union", members: [object([["t", lit("a"), true]]), str] }, {}, undefined],
  ])("%s", (_name, union, others, want) => {
    expect(notesOf(union, others)).toEqual(want);
  });
});
