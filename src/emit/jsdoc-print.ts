/** Writes a JSDoc block with ts-morph's JSDoc structure printer, at the writer's indentation. */
import { printStructure, StructureKind, type CodeBlockWriter, type JSDocStructure } from "./ts-morph.js";
import type { JsDoc } from "./jsdoc.js";

export function jsDocStructure(doc: JsDoc): JSDocStructure {
  return {
    kind: StructureKind.JSDoc,
    description: doc.description,
    tags: doc.tags.map((t) => ({ tagName: t.tagName, ...(t.text !== undefined ? { text: t.text } : {}) })),
  };
}

export function printJsDoc(w: CodeBlockWriter, doc: JsDoc): void {
  w.write(printStructure(jsDocStructure(doc))).newLine();
}
