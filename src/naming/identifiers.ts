/**
 * Turning schema names into TypeScript identifiers: PascalCase for types, kept as written when already a
 * PascalCase identifier (so `SMSMfaSettingsType` stays itself).
 */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of unknown never object undefined bigint infer keyof readonly unique"
  ).split(" "),
);

export function isIdentifier(s: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) && !RESERVED.has(s);
}

/** `cognito-idp user_pool.id` → `CognitoIdpUserPoolId`; `UserPoolIdType` stays as it is. */
export function pascalCase(raw: string): string {
  const trimmed = raw.trim();
  let out: string;
  if (/^[A-Z][A-Za-z0-9]*$/.test(trimmed)) out = trimmed;
  else {
    const words = trimmed.split(/[^A-Za-z0-9]+/).filter(Boolean);
    out = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  }
  if (out === "") out = "Schema";
  if (/^[0-9]/.test(out)) out = "Schema" + out;
  return out;
}
