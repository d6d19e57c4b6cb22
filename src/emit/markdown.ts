/**
 * Descriptions are written in HTML by many API vendors (the Cognito corpus is); JSDoc and docs want Markdown.
 * node-html-markdown converts; plain text passes through untouched (no HTML parse when there is no tag).
 */
import { createRequire } from "node:module";
import type { NodeHtmlMarkdown as Converter, TranslatorConfigObject } from "node-html-markdown";

/**
 * Links: keep the URL as written (the library percent-encodes `_` and `*`, which changes how links read) and
 * encode only what would end a Markdown link; drop links whose scheme is not http(s) or mailto.
 */
const translators: TranslatorConfigObject = {
  a: ({ node }) => {
    const href = node.getAttribute("href")?.trim();
    if (!href || !/^(https?:|mailto:)/i.test(href)) return {};
    const safe = href.replace(/[()<>\s]/g, (c: string) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
    return {
      postprocess: ({ content }) => content.replace(/(?:\r?\n)+/g, " "),
      prefix: "[",
      postfix: `](${safe})`,
    };
  },
};

let converter: Converter | undefined;
const cache = new Map<string, string>();
const LOOKS_LIKE_HTML = /<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>|&[a-zA-Z]+;|&#[0-9]+;/;

export function htmlToMarkdown(text: string): string {
  if (!LOOKS_LIKE_HTML.test(text)) return text.trim();
  let out = cache.get(text);
  if (out === undefined) {
    // Loaded on the first description that holds HTML: runs without any never pay for the HTML parser.
    const { NodeHtmlMarkdown } = createRequire(import.meta.url)("node-html-markdown") as typeof import("node-html-markdown");
    converter ??= new NodeHtmlMarkdown({ keepDataImages: false, useLinkReferenceDefinitions: false, maxConsecutiveNewlines: 2 }, translators);
    out = converter.translate(text).trim();
    cache.set(text, out);
  }
  return out;
}

/** Absolute http(s) links named in a description (for `@see`). */
export function linksOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/href\s*=\s*"(https?:\/\/[^"\s]+)"/gi)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Markdown pages (the docs template): every untrusted text that reaches a Markdown file goes through here.
// ---------------------------------------------------------------------------------------------------------

/**
 * Characters that mean something inline in Markdown, escaped with a backslash wherever they are text: the
 * converter's own set plus `<` (raw HTML), `|` (table cells) and `&` (entities).
 */
const TEXT_ESCAPE: readonly [RegExp, string] = [/[\\`*_~[\]<>|&]/gm, "\\$&"];
/** Line starts that would open a block (list, heading, quote, rule, numbered list): escaped. */
const LINE_START_ESCAPE: readonly [RegExp, string] = [/^(\s*?)((?:\+\s)|(?:[=>-])|(?:#{1,6}\s))|(?:(\d+)([.)]\s))/gm, "$1$3\\$2$4"];

/** Headings inside a description would enter the page's outline: they are shown as bold paragraphs. */
const demoted = { prefix: "**", postfix: "**", surroundingNewlines: 2 } as const;
const docsTranslators: TranslatorConfigObject = { ...translators, h1: demoted, h2: demoted, h3: demoted, h4: demoted, h5: demoted, h6: demoted };

let docsConverter: Converter | undefined;
const docsCache = new Map<string, string>();

/** Literal text as Markdown: every character that could start markup is escaped; line breaks are kept. */
export function markdownText(text: string): string {
  if (/^[A-Za-z0-9 ,.;:'"?!()/$%@=+-]*$/.test(text) && !/^\s*([-+=]|\d+[.)](\s|$))/.test(text)) return text.trim();
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .split(/\n[ \t]*\n+/)
    .map((para) =>
      para
        .trim()
        .replace(TEXT_ESCAPE[0], TEXT_ESCAPE[1])
        .replace(LINE_START_ESCAPE[0], LINE_START_ESCAPE[1])
        .replace(/[ \t]*\n[ \t]*/g, "\\\n"),
    )
    .filter((p) => p !== "")
    .join("\n\n");
}

/**
 * A schema description as a Markdown block for a docs page: HTML is converted (text escaped, headings demoted,
 * unknown tags dropped with their text kept), anything else is literal text.
 */
export function descriptionMarkdown(text: string): string {
  if (!LOOKS_LIKE_HTML.test(text)) return markdownText(text);
  let out = docsCache.get(text);
  if (out === undefined) {
    const { NodeHtmlMarkdown } = createRequire(import.meta.url)("node-html-markdown") as typeof import("node-html-markdown");
    docsConverter ??= new NodeHtmlMarkdown(
      { keepDataImages: false, useLinkReferenceDefinitions: false, maxConsecutiveNewlines: 2, globalEscape: TEXT_ESCAPE, lineStartEscape: LINE_START_ESCAPE },
      docsTranslators,
    );
    out = docsConverter.translate(text).trim();
    docsCache.set(text, out);
  }
  return out;
}

/** Markdown for one table cell: no line break (paragraphs become one line), every `|` escaped (code spans too). */
export function tableCell(markdown: string): string {
  if (!markdown.includes("|") && !markdown.includes("\n")) return markdown.trim();
  return markdown
    .replace(/\\\n/g, " ")
    .replace(/\s*\n\s*/g, " ")
    .replace(/(^|[^\\])((?:\\\\)*)\|/g, "$1$2\\|")
    .trim();
}

/** A code span holding `text` literally (a fence longer than any run of backticks inside; no line breaks). */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029\u0085]+/g, " ");
  let fence = "`";
  while (flat.includes(fence)) fence += "`";
  const pad = flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" ") && flat.trim() !== "") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A JSON value as text for a page: JSON, with the line and paragraph separators (which JSON allows raw) escaped. */
export function jsonText(value: unknown, indent?: number): string {
  return (JSON.stringify(value, null, indent) ?? "null").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A fenced code block holding `text` literally (the fence is longer than any backtick run inside). */
export function codeBlock(language: string, text: string): string {
  let fence = "```";
  while (text.includes(fence)) fence += "`";
  return `${fence}${language}\n${text.replace(/\n+$/, "")}\n${fence}`;
}

/**
 * The first sentence of a Markdown text, for indexes and table cells: cut at the end of the first sentence that
 * is outside code spans and links, else the first paragraph.
 */
export function summaryOf(markdown: string): string {
  const para = markdown.split(/\n\s*\n/)[0]!.replace(/\\\n/g, " ").replace(/\s*\n\s*/g, " ").trim();
  let code = 0;
  let brackets = 0;
  for (let i = 0; i < para.length; i++) {
    const c = para[i];
    if (c === "\\") i++;
    else if (c === "`") code ^= 1;
    else if (!code && c === "[") brackets++;
    else if (!code && c === "]") brackets = Math.max(0, brackets - 1);
    else if (!code && !brackets && c === "." && /\s/.test(para[i + 1] ?? "") && /[A-Z`*\\[]/.test(para[i + 2] ?? "") && i > 12) return para.slice(0, i + 1);
  }
  return para;
}

/** A Mermaid class name: the type name when it is a plain identifier, else undefined (the caller labels an id). */
export function mermaidClassName(name: string): string | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : undefined;
}

/**
 * Text for a Mermaid label or class member (edge labels, member names): characters Mermaid reads as syntax are
 * written as its `#code;` entities, so no label can end a statement or open a block.
 */
export function mermaidText(text: string): string {
  return text.replace(/[^A-Za-z0-9 _.\-[\]]/g, (c) => `#${c.codePointAt(0)};`).replace(/^ +| +$/g, (s) => s.replace(/ /g, "#32;"));
}
