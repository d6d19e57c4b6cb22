/**
 * Pointer → line:column, built lazily: most runs never report a located diagnostic, so the
 * position trees (jsonc-parser for JSON, the `yaml` document for YAML) are made on first use only.
 */
import { parseTree, type Node as JsonNode } from "jsonc-parser";
import { LineCounter, isMap, isSeq, isScalar, type Document, type Node as YamlNode } from "yaml";
import { pointerTokens, type Position } from "./document.js";

export function offsetToPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function jsonLocator(text: string): (pointer: string) => Position | undefined {
  let tree: JsonNode | undefined;
  return (pointer) => {
    tree ??= parseTree(text);
    let node: JsonNode | undefined = tree;
    let keyNode: JsonNode | undefined;
    for (const token of pointerTokens(pointer)) {
      if (node?.type === "object") {
        const prop: JsonNode | undefined = node.children?.find((p) => p.children?.[0]?.value === token);
        keyNode = prop?.children?.[0];
        node = prop?.children?.[1];
      } else if (node?.type === "array") {
        node = node.children?.[Number(token)];
        keyNode = undefined;
      } else {
        return undefined;
      }
      if (!node) return undefined;
    }
    // Point at the key of a member rather than its value, as editors do.
    const at = keyNode ?? node;
    return at ? offsetToPosition(text, at.offset) : undefined;
  };
}

export function yamlLocator(doc: Document, lineCounter: LineCounter): (pointer: string) => Position | undefined {
  return (pointer) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const token of pointerTokens(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === token);
        if (!pair) return undefined;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(token)];
        keyNode = undefined;
      } else {
        return undefined;
      }
    }
    const target = (keyNode ?? node) as YamlNode | undefined;
    const offset = target?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}
