/**
 * Reading generated docs the way GitHub does: Markdown parsed by markdown-it (CommonMark + GFM tables), heading
 * anchors made by github-slugger (GitHub's algorithm), Mermaid blocks parsed by the real Mermaid parser
 * (`mermaid.parse`, which needs a DOM for DOMPurify: jsdom provides one). No regular expressions over Markdown.
 */
import { posix } from "node:path";
import GithubSlugger from "github-slugger";
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: true, linkify: false });
type Token = ReturnType<typeof md.parse>[number];

export interface DocsReport {
  pages: number;
  /** `page: href` for every internal link whose page or anchor does not exist. */
  brokenLinks: string[];
  /** `page: html` for every raw HTML token (none of ours are HTML, so any is a leak from a description). */
  rawHtml: string[];
  mermaid: { page: string; source: string }[];
  /** The JSON example block of each type page (`docs/<ns>/<Name>.md`), parsed. */
  examples: { page: string; value: unknown }[];
  /** Pages that say they have no example. */
  noExample: string[];
}

function inlineText(token: Token): string {
  return (token.children ?? []).filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join("");
}

export function checkDocs(files: Record<string, string>): DocsReport {
  const pages = Object.keys(files).filter((p) => p.startsWith("docs/") && p.endsWith(".md"));
  const parsed = new Map(pages.map((p) => [p, md.parse(files[p]!, {})]));
  const anchors = new Map<string, Set<string>>();
  for (const [page, tokens] of parsed) {
    const slugger = new GithubSlugger();
    const set = new Set<string>();
    tokens.forEach((t, i) => {
      if (t.type === "heading_open") set.add(slugger.slug(inlineText(tokens[i + 1]!)));
    });
    anchors.set(page, set);
  }
  const report: DocsReport = { pages: pages.length, brokenLinks: [], rawHtml: [], mermaid: [], examples: [], noExample: [] };
  const visit = (page: string, tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === "html_inline" || t.type === "html_block") report.rawHtml.push(`${page}: ${t.content.trim()}`);
      if (t.type === "link_open") {
        const href = String(t.attrGet("href") ?? "");
        if (/^(https?:|mailto:)/.test(href)) continue;
        const [path, anchor] = href.split("#", 2) as [string, string | undefined];
        const target = path === "" ? page : posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(path)));
        if (!anchors.has(target)) report.brokenLinks.push(`${page}: ${href} (no page ${target})`);
        else if (anchor !== undefined && !anchors.get(target)!.has(decodeURIComponent(anchor))) report.brokenLinks.push(`${page}: ${href} (no anchor)`);
      }
      if (t.children) visit(page, t.children);
    }
  };
  for (const [page, tokens] of parsed) {
    visit(page, tokens);
    let section = "";
    tokens.forEach((t, i) => {
      if (t.type === "heading_open" && t.tag === "h2") section = inlineText(tokens[i + 1]!);
      if (t.type === "fence" && t.info.trim() === "mermaid") report.mermaid.push({ page, source: t.content });
      if (t.type === "fence" && t.info.trim() === "json" && section === "Example") report.examples.push({ page, value: JSON.parse(t.content) });
      if (t.type === "inline" && section === "Example" && t.content.startsWith("No example")) report.noExample.push(page);
    });
  }
  return report;
}

let mermaidParse: ((text: string) => Promise<unknown>) | undefined;

/** The Mermaid parser (mermaid.parse), with the DOM it needs in Node. */
export async function mermaid(): Promise<(text: string) => Promise<unknown>> {
  if (!mermaidParse) {
    const { JSDOM } = await import("jsdom");
    const g = globalThis as Record<string, unknown>;
    if (g.window === undefined) {
      const { window } = new JSDOM("");
      g.window = window;
      g.document = window.document;
    }
    const m = (await import("mermaid")).default;
    mermaidParse = (text) => m.parse(text);
  }
  return mermaidParse;
}

/** Parse errors of Mermaid blocks, as `page: message`. */
export async function mermaidErrors(blocks: DocsReport["mermaid"]): Promise<string[]> {
  const parse = await mermaid();
  const errors: string[] = [];
  for (const b of blocks) {
    try {
      await parse(b.source);
    } catch (e) {
      errors.push(`${b.page}: ${(e as Error).message.split("\n").slice(0, 4).join(" ")}`);
    }
  }
  return errors;
}
