// An example user template: zod schemas from the schemaforge model, one `<Name>Schema` per type, added to the
// generated package next to the types and validators (`zod/<namespace>.js` + `.d.ts`, re-exported from the
// namespace modules and the root). Run it with
//   npx schemaforge generate schemas --template ./examples/zod-template/zod.mjs --out generated-zod
// The package it makes imports "zod" (v4): add it to the consumer's dependencies.
// Every name, key and value from the schemas goes through schemaforge's escaping helpers, never raw into code.
import { jsValue, objectLiteralKey, quoteString } from "schemaforge";

/** @type {import("schemaforge").Template} */
export default {
  name: "zod",
  emit(context) {
    const files = [];
    const exports = [];
    for (const [namespace, declarations] of context.namespaces) {
      const module = `zod/${context.moduleOf(namespace)}`;
      const imports = new Map(); // other zod module → names
      const schemaOf = (node) => zodOf(node, (target) => {
        const d = context.model.byId.get(target);
        if (!d) return "z.unknown()";
        if (d.namespace !== namespace) {
          const other = `./${context.moduleOf(d.namespace)}.js`;
          imports.set(other, new Set([...(imports.get(other) ?? []), `${d.name}Schema`]));
        }
        return `z.lazy(() => ${d.name}Schema)`;
      });
      const body = declarations.map((d) => `export const ${d.name}Schema = ${schemaOf(d.type)};`);
      const js = [
        context.options.banner,
        'import { z } from "zod";',
        ...[...imports].sort().map(([from, names]) => `import { ${[...names].sort().join(", ")} } from ${quoteString(from)};`),
        ...body,
        "",
      ];
      const dts = [
        context.options.banner,
        'import type { ZodType } from "zod";',
        `import type { ${declarations.map((d) => d.name).join(", ")} } from ${quoteString(`../types/${context.moduleOf(namespace)}.js`)};`,
        ...declarations.map((d) => `export declare const ${d.name}Schema: ZodType<${d.name}>;`),
        "",
      ];
      files.push({ path: `${module}.js`, contents: js.join("\n") }, { path: `${module}.d.ts`, contents: dts.join("\n") });
      for (const d of declarations) exports.push({ module, namespace, name: `${d.name}Schema`, kind: "value", declaration: d.id });
    }
    return { files, exports };
  },
};

/** One model node as a zod expression; `ref` turns a declaration id into an expression for its schema. */
function zodOf(node, ref) {
  const c = node.constraints ?? {};
  switch (node.kind) {
    case "primitive": {
      let s = { string: "z.string()", number: "z.number()", integer: "z.number().int()", boolean: "z.boolean()", null: "z.null()" }[node.type];
      if (c.minLength !== undefined) s += `.min(${jsValue(c.minLength)})`;
      if (c.maxLength !== undefined) s += `.max(${jsValue(c.maxLength)})`;
      if (c.pattern !== undefined) s += `.regex(new RegExp(${quoteString(c.pattern)}, "u"))`;
      if (c.minimum !== undefined) s += `.gte(${jsValue(c.minimum)})`;
      if (c.maximum !== undefined) s += `.lte(${jsValue(c.maximum)})`;
      if (c.exclusiveMinimum !== undefined) s += `.gt(${jsValue(c.exclusiveMinimum)})`;
      if (c.exclusiveMaximum !== undefined) s += `.lt(${jsValue(c.exclusiveMaximum)})`;
      return s;
    }
    case "literal":
      return node.value === null || typeof node.value !== "object" ? `z.literal(${jsValue(node.value)})` : "z.unknown()";
    case "enum":
      return node.values.every((v) => typeof v === "string")
        ? `z.enum([${node.values.map(jsValue).join(", ")}])`
        : union(node.values.map((v) => (v === null || typeof v !== "object" ? `z.literal(${jsValue(v)})` : "z.unknown()")));
    case "array": {
      let s = `z.array(${zodOf(node.items, ref)})`;
      if (c.minItems !== undefined) s += `.min(${jsValue(c.minItems)})`;
      if (c.maxItems !== undefined) s += `.max(${jsValue(c.maxItems)})`;
      return s;
    }
    case "tuple":
      return `z.tuple([${node.items.map((i) => zodOf(i, ref)).join(", ")}]${node.rest ? `, ${zodOf(node.rest, ref)}` : ""})`;
    case "object": {
      const shape = node.properties.map((p) => `${objectLiteralKey(p.name)}: ${zodOf(p.type, ref)}${p.required ? "" : ".optional()"}`);
      const object = `{ ${shape.join(", ")} }`;
      if (node.additional === false) return `z.strictObject(${object})`;
      if (node.additional) return `z.object(${object}).catchall(${zodOf(node.additional, ref)})`;
      return `z.looseObject(${object})`;
    }
    case "union":
      return union(node.members.map((m) => zodOf(m, ref)));
    case "intersection":
      return node.members.map((m) => zodOf(m, ref)).reduce((a, b) => `z.intersection(${a}, ${b})`);
    case "ref":
      return ref(node.target);
    case "unknown":
      return "z.unknown()";
    case "never":
      return "z.never()";
  }
}

function union(members) {
  return members.length === 1 ? members[0] : `z.union([${members.join(", ")}])`;
}
