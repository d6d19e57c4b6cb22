/**
 * OpenAPI `discriminator` beside `oneOf`/`anyOf`: the value's tag (`propertyName`) must be one the mapping (or
 * a member's component name) gives, and the value must be valid against the member that tag selects. JSON
 * Schema validators treat the keyword as an annotation; asserting it is what makes the literal tag types of
 * the generated union exact (`switch (pet.petType)` narrows to the member that was checked). The table is the
 * model's (src/model/keywords/discriminator.ts), so types and validators agree.
 * @see https://spec.openapis.org/oas/v3.0.3#discriminator-object
 */
import { js, lines, type Code } from "../../../src/emit/js-code.js";
import { discriminatorPlan } from "../../../src/model/keywords/discriminator.js";
import type { Keyword } from "../context.js";
import { readMember } from "./_members.js";

export const discriminator: Keyword = {
  keyword: "discriminator",
  instance: "object",
  notIn: ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"],
  compile(cx) {
    const plan = discriminatorPlan(cx.schema, cx.dialect, (ref) => {
      const site = cx.resolve(ref);
      return site ? `${site.doc.url}#${site.pointer}` : undefined;
    });
    if (!plan) return undefined;
    const tag = cx.local("tag");
    const values = plan.tags.map((t) => t.value);
    const cases: Code[] = plan.tags.map((t) => {
      const valid = cx.sub([plan.keyword, t.member], js`d`, null, "none", { silent: true });
      const fail = cx.failStatic(
        { propertyName: plan.propertyName, tag: t.value },
        `must be valid against the ${plan.keyword} member that discriminator value ${JSON.stringify(t.value)} selects`,
      );
      return js`case ${t.value}: if (!${valid}) { ${fail} } break;`;
    });
    const unknown = cx.failStatic(
      { propertyName: plan.propertyName, allowedValues: values },
      `must have property '${plan.propertyName}' with a discriminator value (${values.map((v) => JSON.stringify(v)).join(", ") || "none"})`,
    );
    return js`{ const ${tag} = ${readMember(js`d`, plan.propertyName)};
switch (${tag}) {
${lines(cases)}
default: { ${unknown} } } }`;
  },
};
