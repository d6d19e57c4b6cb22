/**
 * Writes a JSDoc block at the writer's indentation, in the layout ts-morph's JSDoc printer uses (one line when
 * the description is one line without tags). Written directly on the writer: a separate printer per comment
 * would build a new writer for each of thousands of comments. The text is already escaped (`jsDocText`).
 */
import type { CodeBlockWriter } from "./ts-morph.js";
import type { JsDoc } from "./jsdoc.js";

export function printJsDoc(w: CodeBlockWriter, doc: JsDoc): void {
  const description = doc.description.split("\n");
  if (doc.tags.length === 0 && description.length === 1) {
    w.write(`/** ${description[0]} */`).newLine();
    return;
  }
  const only = doc.tags[0];
  if (doc.description === "" && doc.tags.length === 1 && !only!.text?.includes("\n")) {
    w.write(`/** @${only!.tagName}${only!.text ? " " + only!.text : ""} */`).newLine();
    return;
  }
  w.write("/**").newLine();
  if (doc.description !== "") for (const line of description) w.write(line === "" ? " *" : ` * ${line}`).newLine();
  for (const t of doc.tags) w.write(` * @${t.tagName}${t.text !== undefined && t.text !== "" ? " " + t.text.replace(/\n/g, "\n * ") : ""}`).newLine();
  w.write(" */").newLine();
}
