/**
 * Known failures of the JSON-Schema-Test-Suite run (test/conformance). One list for every draft and kind.
 *
 * An entry names a draft, a file relative to tests/<draft>/ (`ref.json`, `optional/format/email.json`), a case
 * by its exact `description`, and optionally one test by its exact `description` (without it the entry covers
 * every test of the case). `reason` says precisely why the generated validator cannot or does not yet pass it
 * (the keyword or rule, the behaviour we have, and what would fix it) — "fails" is not a reason.
 *
 * The runner reports failures not listed here as failures, and entries that cover nothing failing (the test now
 * passes, or the case was renamed) as stale, which is a failure too: the list only ever holds real failures.
 */
import type { Draft } from "./runner.js";

export interface SkipEntry {
  draft: Draft;
  file: string;
  case: string;
  test?: string;
  reason: string;
}

export const SKIP: readonly SkipEntry[] = [];
