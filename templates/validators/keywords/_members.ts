/** Safe member access on JSON objects: own properties only, whatever the name. */
import { js, type Code } from "../../../src/emit/js-code.js";

/** Names that every object inherits: `d[name]` would find the prototype's, so ownership is checked. */
function inherited(name: string): boolean {
  return name in Object.prototype || name === "__proto__";
}

/** Whether `obj` has an own member `name` (JSON values are never `undefined`). */
export function hasMember(obj: Code, name: string): Code {
  return inherited(name) ? js`Object.prototype.hasOwnProperty.call(${obj}, ${name})` : js`${obj}[${name}] !== undefined`;
}

/** The own member `name` of `obj`, or undefined. */
export function readMember(obj: Code, name: string): Code {
  return inherited(name) ? js`(Object.prototype.hasOwnProperty.call(${obj}, ${name}) ? ${obj}[${name}] : undefined)` : js`${obj}[${name}]`;
}
