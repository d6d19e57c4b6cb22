/** Namespaces: the file-name families of one folder (Cognito's idp/identity), else the folder; or as asked. */
import { describe, expect, it } from "vitest";
import { assignNamespaces, slug, stemWords, type NamespaceStrategy } from "../../../src/naming/namespace.js";

const at = (folder: string, names: string[]) => names.map((n) => `/work/${folder}/${n}`);

/** namespace → the file names in it, sorted, for readable expectations. */
function grouped(paths: string[], strategy: NamespaceStrategy): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, ns] of assignNamespaces(paths, strategy)) (out[ns] ??= []).push(path.split("/").pop()!);
  for (const list of Object.values(out)) list.sort();
  return out;
}

const idp = [
  "cognito-idp-admin-get-user-request-schema.json",
  "cognito-idp-admin-get-user-response-schema.json",
  "cognito-idp-list-users-request-schema.json",
  "cognito-idp-user-pool-type-schema.json",
  "cognito-idp-attribute-type-schema.json",
];
const identity = ["cognito-identity-get-id-input-schema.json", "cognito-identity-identity-pool-schema.json", "cognito-identity-credentials-schema.json"];

describe("assignNamespaces: prefix (the default)", () => {
  const cases: [string, { given: string[]; want: Record<string, string[]> }][] = [
    [
      "two families sharing a folder (cognito-idp-* ×5, cognito-identity-* ×3) → two namespaces",
      { given: at("aws", [...idp, ...identity]), want: { "cognito-idp": [...idp].sort(), "cognito-identity": [...identity].sort() } },
    ],
    [
      "a folder of one family (cognito-idp-a-…, cognito-idp-b-…) → that family",
      {
        given: at("schemas", ["cognito-idp-a-request-schema.json", "cognito-idp-b-response-schema.json", "cognito-idp-c-type-schema.json"]),
        want: { "cognito-idp": ["cognito-idp-a-request-schema.json", "cognito-idp-b-response-schema.json", "cognito-idp-c-type-schema.json"] },
      },
    ],
    ["unrelated names → the folder", { given: at("My Schemas", ["pet.json", "order.yaml", "user.yml"]), want: { "my-schemas": ["order.yaml", "pet.json", "user.yml"] } }],
    ["one file → its folder", { given: at("shop", ["shop-order-schema.json"]), want: { shop: ["shop-order-schema.json"] } }],
    [
      "a name that is only the common prefix → no family can contain it: the folder",
      { given: at("shop", ["shop-order.json", "shop.json"]), want: { shop: ["shop-order.json", "shop.json"] } },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(grouped(given, "prefix")).toEqual(want);
  });

  it("puts a stray file of a two-family folder (under 5 %) in the folder's namespace", () => {
    const many = (fam: string) => Array.from({ length: 10 }, (_, i) => `cognito-${fam}-op${i}-request-schema.json`);
    const paths = at("aws-cognito", [...many("idp"), ...many("identity"), "cognito-common-schema.json"]);
    const g = grouped(paths, "prefix");
    expect(Object.keys(g).sort()).toEqual(["aws-cognito", "cognito-identity", "cognito-idp"]);
    expect(g["aws-cognito"]).toEqual(["cognito-common-schema.json"]);
    expect(g["cognito-idp"]).toHaveLength(10);
  });

  it("is deterministic: the order of the input paths does not matter", () => {
    const paths = at("aws", [...idp, ...identity]);
    expect(grouped([...paths].reverse(), "prefix")).toEqual(grouped(paths, "prefix"));
  });
});

describe("assignNamespaces: folder and none", () => {
  const paths = ["/w/CognitoIdp/cognito-idp-a-schema.json", "/w/CognitoIdp/cognito-idp-b-schema.json", "/w/shop_v2/order.json"];
  it("folder: the slug of each file's folder", () => {
    expect(grouped(paths, "folder")).toEqual({ "cognito-idp": ["cognito-idp-a-schema.json", "cognito-idp-b-schema.json"], "shop-v2": ["order.json"] });
  });
  it("none: one namespace, named by the empty string", () => {
    expect([...assignNamespaces(paths, "none").values()]).toEqual(["", "", ""]);
  });
});

describe("stemWords and slug", () => {
  const stems: [string, { given: string; want: string[] }][] = [
    ["drops the extension and a -schema suffix", { given: "/x/cognito-idp-user-pool-type-schema.json", want: ["cognito", "idp", "user", "pool", "type"] }],
    ["drops a .schema suffix and splits at _ and .", { given: "/x/Shop_Order.line.schema.yaml", want: ["shop", "order", "line"] }],
    ["keeps a name that is only 'schema'", { given: "/x/schema.json", want: ["schema"] }],
  ];
  it.each(stems)("stemWords %s", (_name, { given, want }) => {
    expect(stemWords(given)).toEqual(want);
  });

  const slugs: [string, { given: string; want: string }][] = [
    ["camelCase → kebab", { given: "CognitoIdentityProvider", want: "cognito-identity-provider" }],
    ["spaces and punctuation → one dash", { given: "  My  Schemas (v2) ", want: "my-schemas-v2" }],
    ["nothing usable → 'schemas'", { given: "___", want: "schemas" }],
  ];
  it.each(slugs)("slug %s", (_name, { given, want }) => {
    expect(slug(given)).toBe(want);
  });
});
