/**
 * Namespaces: the source family a schema belongs to. Two schemas that want one name are told apart by it.
 *
 * `prefix` (the default) derives families from file names, deterministically:
 *  1. Split every file stem (without `-schema`/`.schema` suffixes) into words at `-`, `_` and `.`.
 *  2. Take the words all stems share at the start (the common prefix, say `cognito`).
 *  3. If the next word splits the files into a few large groups — two or more, each of at least two files,
 *     together holding at least 95 % of the files, and no more groups than a tenth of the files (at least 2) —
 *     each group is a family named by the common prefix plus that word (`cognito-idp`, `cognito-identity`);
 *     files outside those groups fall back to their folder.
 *  4. Otherwise, if there is a common prefix that leaves every stem at least one word, it is the one family
 *     (a folder of `cognito-idp-*` files is `cognito-idp`); else the folder name is the namespace.
 * `folder` uses the name of the folder each file sits in; `none` puts everything in one namespace ("").
 * OpenAPI documents are a namespace of their own, named by `info.x-serviceName`, else the family of their file.
 */
import { basename, dirname } from "node:path";

export type NamespaceStrategy = "prefix" | "folder" | "none";

export function stemWords(path: string): string[] {
  const stem = basename(path)
    .replace(/\.(json|ya?ml)$/i, "")
    .replace(/([._-])schema$/i, "");
  return stem.split(/[-_.]+/).filter((w) => w.length > 0).map((w) => w.toLowerCase());
}

export function folderNamespace(path: string): string {
  return slug(basename(dirname(path)));
}

export function slug(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "schemas";
}

/** Assigns a namespace to each path; `explicit` (path → name) wins where given. */
export function assignNamespaces(paths: readonly string[], strategy: NamespaceStrategy): Map<string, string> {
  const out = new Map<string, string>();
  if (strategy === "none") {
    for (const p of paths) out.set(p, "");
    return out;
  }
  if (strategy === "folder") {
    for (const p of paths) out.set(p, folderNamespace(p));
    return out;
  }
  const words = paths.map(stemWords);
  const common = commonPrefix(words);
  const groups = new Map<string, string[]>();
  paths.forEach((p, i) => {
    const next = words[i]![common.length];
    if (next !== undefined && words[i]!.length > common.length + 1) {
      const key = [...common, next].join("-");
      const members = groups.get(key);
      if (members) members.push(p);
      else groups.set(key, [p]);
    }
  });
  const families = [...groups].filter(([, members]) => members.length >= 2);
  const covered = families.reduce((n, [, members]) => n + members.length, 0);
  if (families.length >= 2 && covered >= 0.95 * paths.length && families.length <= Math.max(2, Math.floor(paths.length / 10))) {
    for (const p of paths) out.set(p, folderNamespace(p));
    for (const [name, members] of families) for (const p of members) out.set(p, name);
    return out;
  }
  const prefixName = common.length > 0 && words.every((w) => w.length > common.length) && paths.length > 1 ? common.join("-") : undefined;
  for (const p of paths) out.set(p, prefixName ?? folderNamespace(p));
  return out;
}

function commonPrefix(words: string[][]): string[] {
  if (words.length === 0) return [];
  const first = words[0]!;
  let n = first.length;
  for (const w of words) {
    let i = 0;
    while (i < n && i < w.length && w[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}
