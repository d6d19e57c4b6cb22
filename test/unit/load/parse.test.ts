import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../../src/diagnostics/diagnostic.js";
import { parseText } from "../../../src/load/parse.js";

describe("parseText", () => {
  it("reads JSON and locates pointers at their keys", () => {
    const bag = new DiagnosticBag();
    const text = '{\n  "type": "object",\n  "properties": {\n    "a/b": { "type": "string" }\n  }\n}';
    const parsed = parseText(text, "x.json", bag)!;
    expect(parsed.format).toBe("json");
    expect(parsed.locate("/properties/a~1b/type")).toEqual({ line: 4, column: 14 });
    expect(parsed.locate("/properties/a~1b")).toEqual({ line: 4, column: 5 });
    expect(parsed.locate("/nope")).toBeUndefined();
    expect(bag.items).toEqual([]);
  });
});
