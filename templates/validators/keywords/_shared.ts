/** Snippets several keyword files share. */
import { Code } from "../../../src/emit/js-code.js";

/** After a subschema call failed (it reported its own errors): stop, or go on collecting. */
export const CHILD_FAILED = new Code("if (E === null || !E.all) return false; ok = false;");

/** Instance path suffix for an array index held in `i`. */
export const INDEX_PATH = (i: Code) => new Code(`"/" + ${i.text}`);
