/** Writes a JSDoc block with ts-morph's JSDoc structure printer, at the writer's indentation. */
import { printStructure, StructureKind, type CodeBlockWriter } from "ts-morph";
import type { JsDoc } from "./jsdoc.js";

export function jsDocStructure(doc: JsDoc) {
  return {
    kind: StructureKind.JSDoc as const,
    description: doc.description,
    tags: doc.tags.map((t) => ({ kind: StructureKind.JSDocTag as const, tagName: t.tagName, ...(t.text !== undefined ? { text: t.text } : {}) })),
  };
}

export function printJsDoc(w: CodeBlockWriter, doc: JsDoc): void {
  w.write(printStructure(jsDocStructure(doc))).newLine();
}
