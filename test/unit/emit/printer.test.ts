/**
 * Printing through src/emit/ts-morph.ts: writer functions are recorded, carried as data (to the printer worker
 * when the CLI started one) and replayed on ts-morph's writer. The text must be exactly what ts-morph prints
 * when it runs the same writer functions itself — in this thread and through the worker.
 */
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";
import { describe, expect, it } from "vitest";
import { printStructure, StructureKind, type WriterFunction } from "../../../src/emit/ts-morph.js";
import { printedFile } from "../../../templates/types/index.js";

const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
const OPTIONS = { indentNumberOfSpaces: 2, newLine: "\n" as const, useTabs: false };

/** Uses every writer call the templates may make, nested blocks and multi-line text included. */
const members: WriterFunction = (w) => {
  w.blankLineIfLastNot();
  w.write("/** A\n * two-line comment. */").newLine();
  w.write("export interface A ").inlineBlock(() => {
    w.write("a: string;").newLine();
    w.write("b: ").inlineBlock(() => {
      w.write("c: 1 | 2;").newLine();
    });
    w.write(";").newLine();
  });
  w.newLine();
  w.write("export type B =");
  for (const v of ['"x"', '"y"']) w.newLine().indent().write(`| ${v}`);
  w.write(";").newLine();
};
const names: WriterFunction = (w) => {
  w.write("A, B");
};

function structure(kinds: typeof TsMorph.StructureKind): TsMorph.SourceFileStructure {
  return {
    kind: kinds.SourceFile,
    statements: [
      "// banner",
      { kind: kinds.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./x.js", namedImports: [{ name: "X" }, { name: "Y", alias: "Z" }] },
      members,
      { kind: kinds.ExportDeclaration, moduleSpecifier: "./a.js", namedExports: names },
    ],
  };
}

describe("printing recorded writer functions", () => {
  const direct = tsMorph.printStructure(structure(tsMorph.StructureKind), OPTIONS);

  it("prints what ts-morph prints running the writers itself", () => {
    expect(direct).toContain("  b: {\n    c: 1 | 2;\n  };");
    expect(printStructure(structure(StructureKind), OPTIONS)).toBe(direct);
  });

  it("prints the same text through the printer worker, files in any order of reading", async () => {
    const { startPrinterWorker, printerThread } = await import("../../../src/emit/ts-morph.js");
    expect(printerThread()).toBe("main");
    // The built worker (npm test builds first): the sources here are TypeScript, which a worker cannot load.
    startPrinterWorker(new URL("../../../dist/src/emit/printer-worker.js", import.meta.url));
    expect(printerThread()).toBe("worker");
    const statements = structure(StructureKind).statements as Parameters<typeof printedFile>[2];
    const files = [0, 1, 2].map((i) => printedFile(`f${i}.d.ts`, `// file ${i}`, statements.slice(1)));
    // Read last first: replies arrive in the order the jobs were sent, and each file must get its own.
    expect(files[2]!.contents).toBe(direct.replace("// banner", "// file 2"));
    expect(files[0]!.contents).toBe(direct.replace("// banner", "// file 0"));
    expect(files[1]!.contents).toBe(direct.replace("// banner", "// file 1"));
    expect(printStructure(structure(StructureKind), OPTIONS)).toBe(direct);
  });
});
