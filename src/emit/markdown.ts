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
