/**
 * `required`: each named member is present (an own property: `__proto__` and `constructor` are names too).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.3
 */
import { js, lines, type Code } from "../../../src/emit/js-code.js";
import type { Keyword } from "../context.js";
import { hasMember } from "./_members.js";

export const required: Keyword = {
  keyword: "required",
  instance: "object",
  compile(cx) {
    if (!Array.isArray(cx.value)) return undefined;
    const names = [...new Set(cx.value.filter((n): n is string => typeof n === "string"))];
    const checks: Code[] = names.map(
      (n) => js`if (!(${hasMember(js`d`, n)})) { ${cx.failStatic({ missingProperty: n }, `must have required property '${n}'`)} }`,
    );
    return checks.length > 0 ? lines(checks) : undefined;
  },
};
