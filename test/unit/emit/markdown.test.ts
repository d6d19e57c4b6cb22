/**
 * Markdown escaping for docs pages: whatever a schema's description, title, name or value holds, the page shows
 * it as text and its structure (paragraphs, tables, headings, code) stays what we wrote. Checked by rendering
 * with markdown-it (CommonMark + GFM tables), as a reader's viewer would.
 */
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { codeBlock, codeSpan, descriptionMarkdown, markdownText, mermaidText, summaryOf, tableCell } from "../../../src/emit/markdown.js";

const md = new MarkdownIt({ html: true });

/** The text a reader sees (tags dropped, entities decoded), whitespace collapsed. */
function seen(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

const HOSTILE = [
  "a | b | c",
  "*/ export const pwned = 1; /* and *stars* and **bold** and _under_",
  "a backtick ` and ``two`` and a fence ```",
  "<script>alert(1)</script> <b>bold</b> &lt;escaped&gt; &amp;",
  "# heading\n## another\n- list\n1. numbered\n2) numbered too\n> quote\n---\n===",
  "1) starts like a list",
  "[link](javascript:alert(1)) ![img](x.png) <https://example.com>",
  "back\\slash at the end\\",
];

describe("markdownText", () => {
  it.each(HOSTILE)("shows %j as the text it is, in one paragraph per paragraph", (text) => {
    const html = md.render(markdownText(text));
    expect(seen(html)).toBe(text.replace(/\s+/g, " ").trim());
    expect(html).not.toMatch(/<(h\d|ul|ol|li|blockquote|hr|em|strong|code|a|img|script|b)\b/);
  });

  it("keeps line breaks and paragraphs", () => {
    expect(md.render(markdownText("one\ntwo\n\nthree"))).toBe("<p>one<br>\ntwo</p>\n<p>three</p>\n");
  });
});

describe("descriptionMarkdown", () => {
  it("converts HTML, escapes its text, and turns headings into bold paragraphs", () => {
    const out = descriptionMarkdown("<p>Use <code>a|b</code> &lt;not a tag&gt; * x *</p><h1>Title</h1><note><p>noted</p></note>");
    const html = md.render(out);
    expect(html).not.toMatch(/<h\d/);
    expect(html).toContain("<strong>Title</strong>");
    expect(html).toContain("<code>a|b</code>");
    expect(seen(html)).toBe("Use a|b <not a tag> * x * Title noted");
  });

  it("treats text without HTML as literal text", () => {
    expect(descriptionMarkdown("*not emphasis*")).toBe("\\*not emphasis\\*");
  });
});

describe("tableCell", () => {
  it.each(HOSTILE)("keeps %j inside one cell", (text) => {
    for (const cell of [tableCell(markdownText(text)), tableCell(codeSpan(text)), tableCell(descriptionMarkdown(`<p>${text.replace(/</g, "&lt;")}</p>`))]) {
      const html = md.render(`| a | b | c |\n|---|---|---|\n| x | ${cell} | y |\n`);
      const row = html.split("<tbody>")[1]!;
      expect(row.match(/<td>/g)).toHaveLength(3);
      expect(row).toContain("<td>y</td>");
    }
  });
});

describe("codeSpan and codeBlock", () => {
  it.each(["plain", "a ` tick", "``", "`edge`", "a | b", " spaced "])("code span of %j shows it exactly", (text) => {
    const html = md.renderInline(codeSpan(text));
    expect(seen(html.replace(/^<code>|<\/code>$/g, ""))).toBe(text.trim());
    expect(html.startsWith("<code>")).toBe(true);
  });

  it("a code block cannot be closed early by the code it holds", () => {
    const html = md.render(codeBlock("json", '"```"\n```\n# not a heading') + "\n\nafter");
    expect(html).not.toMatch(/<h1/);
    expect(html).toContain("<p>after</p>");
  });
});

describe("summaryOf", () => {
  it("cuts at the end of the first sentence, not inside code or links", () => {
    expect(summaryOf("The ID. Of the pool.")).toBe("The ID. Of the pool.");
    expect(summaryOf("The identifier of the pool. It is long.")).toBe("The identifier of the pool.");
    expect(summaryOf("Set `a. B` first then go. Next.")).toBe("Set `a. B` first then go.");
    expect(summaryOf("First paragraph here.\n\nSecond.")).toBe("First paragraph here.");
  });
});

describe("mermaidText", () => {
  it("writes characters Mermaid reads as syntax as entity codes", () => {
    expect(mermaidText('say "hi": {x}')).toBe("say #34;hi#34;#58; #123;x#125;");
    expect(mermaidText("Items[]")).toBe("Items[]");
  });
});
