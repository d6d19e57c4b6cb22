/**
 * The `format` checks of generated validators, written from the RFCs (no third-party code).
 *
 * Each check is `(s: string) => boolean` and is emitted into the generated package with
 * `Function.prototype.toString`, so every function here is self-contained: it uses JavaScript built-ins
 * and the `formatHelper*` functions listed in its `FORMATS[name].helpers` (the full transitive list, so
 * emitting `fn` plus its `helpers` is always enough). No imports, no module constants, no closures over
 * module state: regular expressions are literals inside function bodies.
 *
 * Format functions (`formatXxx`) never call each other; shared logic lives in `formatHelperXxx`. It is one
 * module on purpose: a helper imported from another module would be emitted under a bundler's rewritten name
 * (under vitest, `__vite_ssr_import_N__.formatHelperX`), so every function must see the others by their own name.
 * The checks are called for strings only (non-strings pass `format` trivially; the caller handles that).
 *
 * References: RFC 3339 (dates, times, Appendix A durations), RFC 5321/5322 and RFC 6531/6532 (e-mail),
 * RFC 1123 (host names), RFC 5890-5893 and RFC 3492 (IDNA2008, Punycode), RFC 3986/3987 (URI, IRI),
 * RFC 6570 (URI templates), RFC 4122 (UUID), RFC 6901 (JSON pointer), draft-handrews-relative-json-pointer,
 * ECMA-262 (regex).
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

// ---------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------

/** RFC 3339 `full-date`, with the real number of days in the month (Gregorian leap years). */
export function formatHelperDate(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/**
 * RFC 3339 `full-time` (an offset is required). A leap second (`:60`) is accepted only where its UTC
 * equivalent is 23:59:60.
 */
export function formatHelperTime(s: string): boolean {
  const m = /^([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(?:\.[0-9]+)?(?:[zZ]|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))$/.exec(s);
  if (m === null) return false;
  if (m[3] !== "60") return true;
  const offset = m[4] === undefined ? 0 : (m[4] === "-" ? -1 : 1) * (Number(m[5]) * 60 + Number(m[6]));
  const utc = (((Number(m[1]) * 60 + Number(m[2]) - offset) % 1440) + 1440) % 1440;
  return utc === 23 * 60 + 59;
}

/** RFC 3986 `IPv4address`: four decimal octets 0-255, no leading zeros, ASCII digits only. */
export function formatHelperIpv4(s: string): boolean {
  return /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/.test(s);
}

/** RFC 4291 / RFC 3986 `IPv6address`, with an optional trailing IPv4 part; no zone id, no brackets. */
export function formatHelperIpv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return false;
  let str = s;
  if (s.indexOf(".") >= 0) {
    const colon = s.lastIndexOf(":");
    if (colon < 0 || !formatHelperIpv4(s.slice(colon + 1))) return false;
    str = s.slice(0, colon + 1) + "0:0";
  }
  const group = /^[0-9A-Fa-f]{1,4}$/;
  const halves = str.split("::");
  if (halves.length > 2) return false;
  if (halves.length === 1) {
    const groups = str.split(":");
    return groups.length === 8 && groups.every((g) => group.test(g));
  }
  const left = halves[0] === "" ? [] : (halves[0] as string).split(":");
  const right = halves[1] === "" ? [] : (halves[1] as string).split(":");
  return left.length + right.length <= 7 && left.every((g) => group.test(g)) && right.every((g) => group.test(g));
}

/** RFC 3492 Punycode decoding of the part after `xn--`; `null` when it is not valid Punycode. */
export function formatHelperPunycodeDecode(input: string): string | null {
  const base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
  const adapt = (delta: number, points: number, first: boolean): number => {
    delta = first ? Math.floor(delta / damp) : Math.floor(delta / 2);
    delta += Math.floor(delta / points);
    let k = 0;
    while (delta > ((base - tmin) * tmax) >> 1) {
      delta = Math.floor(delta / (base - tmin));
      k += base;
    }
    return k + Math.floor(((base - tmin + 1) * delta) / (delta + skew));
  };
  const output: number[] = [];
  const last = input.lastIndexOf("-");
  let pos = 0;
  if (last > 0) {
    for (let j = 0; j < last; j++) {
      const c = input.charCodeAt(j);
      if (c >= 0x80) return null;
      output.push(c);
    }
    pos = last + 1;
  }
  let n = 128, i = 0, bias = 72;
  while (pos < input.length) {
    const oldi = i;
    let w = 1;
    for (let k = base; ; k += base) {
      if (pos >= input.length) return null;
      const c = input.charCodeAt(pos++);
      const digit = c >= 0x30 && c <= 0x39 ? c - 22 : c >= 0x41 && c <= 0x5a ? c - 0x41 : c >= 0x61 && c <= 0x7a ? c - 0x61 : -1;
      if (digit < 0) return null;
      i += digit * w;
      if (i > 0x7fffffff) return null;
      const t = k <= bias ? tmin : k >= bias + tmax ? tmax : k - bias;
      if (digit < t) break;
      w *= base - t;
      if (w > 0x7fffffff) return null;
    }
    bias = adapt(i - oldi, output.length + 1, oldi === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n < 0x80 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** RFC 3492 Punycode encoding (without `xn--`); `null` for input that is not well-formed UTF-16. */
export function formatHelperPunycodeEncode(input: string): string | null {
  const base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
  const adapt = (delta: number, points: number, first: boolean): number => {
    delta = first ? Math.floor(delta / damp) : Math.floor(delta / 2);
    delta += Math.floor(delta / points);
    let k = 0;
    while (delta > ((base - tmin) * tmax) >> 1) {
      delta = Math.floor(delta / (base - tmin));
      k += base;
    }
    return k + Math.floor(((base - tmin + 1) * delta) / (delta + skew));
  };
  const digit = (d: number): string => String.fromCharCode(d < 26 ? 0x61 + d : 0x30 + d - 26);
  const cps: number[] = [];
  for (const ch of input) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0xd800 && c <= 0xdfff) return null;
    cps.push(c);
  }
  let out = "";
  for (const c of cps) if (c < 0x80) out += String.fromCharCode(c);
  const b = out.length;
  let h = b;
  if (b > 0) out += "-";
  let n = 128, delta = 0, bias = 72;
  while (h < cps.length) {
    let m = 0x110000;
    for (const c of cps) if (c >= n && c < m) m = c;
    delta += (m - n) * (h + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tmin : k >= bias + tmax ? tmax : k - bias;
          if (q < t) break;
          out += digit(t + ((q - t) % (base - t)));
          q = Math.floor((q - t) / (base - t));
        }
        out += digit(q);
        bias = adapt(delta, h + 1, h === b);
        delta = 0;
        h++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

/**
 * The IDNA2008 derived property of one code point (RFC 5892 section 3, computed from the run-time's
 * Unicode data): "P" PVALID, "J" CONTEXTJ, "O" CONTEXTO, "D" DISALLOWED or UNASSIGNED.
 */
export function formatHelperIdnaProperty(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  // Exceptions (F)
  if (cp === 0xdf || cp === 0x3c2 || cp === 0x6fd || cp === 0x6fe || cp === 0xf0b || cp === 0x3007) return "P";
  if (cp === 0xb7 || cp === 0x375 || cp === 0x5f3 || cp === 0x5f4 || cp === 0x30fb || (cp >= 0x660 && cp <= 0x669) || (cp >= 0x6f0 && cp <= 0x6f9)) return "O";
  if (cp === 0x640 || cp === 0x7fa || cp === 0x302e || cp === 0x302f || (cp >= 0x3031 && cp <= 0x3035) || cp === 0x303b) return "D";
  // Unassigned (J)
  if (/^\p{Cn}$/u.test(ch)) return "D";
  // LDH (K)
  if (/^[a-z0-9-]$/.test(ch)) return "P";
  // JoinControl (H)
  if (cp === 0x200c || cp === 0x200d) return "J";
  // Unstable (B): NFKC(casefold(NFKC(cp))) != cp. Full case folding is toUpperCase().toLowerCase() except
  // for U+0131 (folds to itself) and Cherokee (folds to the capital letters).
  const nfkc = ch.normalize("NFKC");
  let folded = "";
  for (const c of nfkc) {
    folded += c === "\u0131" ? c : /^[\u13A0-\u13FD\uAB70-\uABBF]$/.test(c) ? c.toUpperCase() : c.toUpperCase().toLowerCase();
  }
  if (folded.normalize("NFKC") !== ch) return "D";
  // IgnorableProperties (C)
  if (/^[\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Noncharacter_Code_Point}]$/u.test(ch)) return "D";
  // IgnorableBlocks (D): Combining Diacritical Marks for Symbols, Musical Symbols, Ancient Greek Musical Notation
  if ((cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0x1d100 && cp <= 0x1d24f)) return "D";
  // OldHangulJamo (I): Hangul_Syllable_Type L, V, T
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return "D";
  // LetterDigits (A)
  if (/^[\p{Ll}\p{Lu}\p{Lo}\p{Nd}\p{Lm}\p{Mn}\p{Mc}]$/u.test(ch)) return "P";
  return "D";
}

/** Canonical_Combining_Class = Virama (9), Unicode 17.0. */
export function formatHelperIsVirama(ch: string): boolean {
  return /^[\u094D\u09CD\u0A4D\u0ACD\u0B4D\u0BCD\u0C4D\u0CCD\u0D3B\u0D3C\u0D4D\u0DCA\u0E3A\u0EBA\u0F84\u1039\u103A\u1714\u1715\u1734\u17D2\u1A60\u1B44\u1BAA\u1BAB\u1BF2\u1BF3\u2D7F\uA806\uA82C\uA8C4\uA953\uA9C0\uAAF6\uABED\u{10A3F}\u{11046}\u{11070}\u{1107F}\u{110B9}\u{11133}\u{11134}\u{111C0}\u{11235}\u{112EA}\u{1134D}\u{113CE}-\u{113D0}\u{11442}\u{114C2}\u{115BF}\u{1163F}\u{116B6}\u{1172B}\u{11839}\u{1193D}\u{1193E}\u{119E0}\u{11A34}\u{11A47}\u{11A99}\u{11C3F}\u{11D44}\u{11D45}\u{11D97}\u{11F41}\u{11F42}\u{1612F}]$/u.test(ch);
}

/**
 * Unicode Joining_Type (ArabicShaping.txt / DerivedJoiningType.txt, Unicode 17.0): "D", "R", "L", "T" or "U"
 * (join-causing counts as "U" here: RFC 5892 A.1 only asks for L, D, R and T).
 */
export function formatHelperJoiningType(ch: string): string {
  if (/^[\u0620\u0626\u0628\u062A-\u062E\u0633-\u063F\u0641-\u0647\u0649\u064A\u066E\u066F\u0678-\u0687\u069A-\u06BF\u06C1\u06C2\u06CC\u06CE\u06D0\u06D1\u06FA-\u06FC\u06FF\u0712-\u0714\u071A-\u071D\u071F-\u0727\u0729\u072B\u072D\u072E\u074E-\u0758\u075C-\u076A\u076D-\u0770\u0772\u0775-\u0777\u077A-\u077F\u07CA-\u07EA\u0841-\u0845\u0848\u084A-\u0853\u0855\u0860\u0862-\u0865\u0868\u0886\u0889-\u088D\u088F\u08A0-\u08A9\u08AF\u08B0\u08B3-\u08B8\u08BA-\u08C8\u1807\u1820-\u1878\u1887-\u18A8\u18AA\uA840-\uA871\u{10AC0}-\u{10AC4}\u{10AD3}-\u{10AD6}\u{10AD8}-\u{10ADC}\u{10ADE}-\u{10AE0}\u{10AEB}-\u{10AEE}\u{10B80}\u{10B82}\u{10B86}-\u{10B88}\u{10B8A}\u{10B8B}\u{10B8D}\u{10B90}\u{10BAD}\u{10BAE}\u{10D01}-\u{10D21}\u{10D23}\u{10EC3}\u{10EC4}\u{10EC6}\u{10EC7}\u{10F30}-\u{10F32}\u{10F34}-\u{10F44}\u{10F51}-\u{10F53}\u{10F70}-\u{10F73}\u{10F76}-\u{10F81}\u{10FB0}\u{10FB2}\u{10FB3}\u{10FB8}\u{10FBB}\u{10FBC}\u{10FBE}\u{10FBF}\u{10FC1}\u{10FC4}\u{10FCA}\u{1E900}-\u{1E943}]$/u.test(ch)) return "D";
  if (/^[\u0622-\u0625\u0627\u0629\u062F-\u0632\u0648\u0671-\u0673\u0675-\u0677\u0688-\u0699\u06C0\u06C3-\u06CB\u06CD\u06CF\u06D2\u06D3\u06D5\u06EE\u06EF\u0710\u0715-\u0719\u071E\u0728\u072A\u072C\u072F\u074D\u0759-\u075B\u076B\u076C\u0771\u0773\u0774\u0778\u0779\u0840\u0846\u0847\u0849\u0854\u0856-\u0858\u0867\u0869\u086A\u0870-\u0882\u088E\u08AA-\u08AC\u08AE\u08B1\u08B2\u08B9\u{10AC5}\u{10AC7}\u{10AC9}\u{10ACA}\u{10ACE}-\u{10AD2}\u{10ADD}\u{10AE1}\u{10AE4}\u{10AEF}\u{10B81}\u{10B83}-\u{10B85}\u{10B89}\u{10B8C}\u{10B8E}\u{10B8F}\u{10B91}\u{10BA9}-\u{10BAC}\u{10D22}\u{10EC2}\u{10F33}\u{10F54}\u{10F74}\u{10F75}\u{10FB4}-\u{10FB6}\u{10FB9}\u{10FBA}\u{10FBD}\u{10FC2}\u{10FC3}\u{10FC9}]$/u.test(ch)) return "R";
  if (/^[\uA872\u{10ACD}\u{10AD7}\u{10D00}\u{10FCB}]$/u.test(ch)) return "L";
  // Not listed and Mn, Me or Cf: transparent, except the format characters listed as non-joining or join-causing.
  if (/^[\u0600-\u0605\u06DD\u0890\u0891\u08E2\u180E\u200C\u200D\u2066-\u2069\u{110BD}\u{110CD}]$/u.test(ch)) return "U";
  if (/^[\p{Mn}\p{Me}\p{Cf}\u{1E94B}]$/u.test(ch)) return "T";
  return "U";
}

/**
 * RFC 5893 Bidi class of a code point as far as the Bidi rule needs it, for characters that may appear in
 * a label: "L", "R" (R or AL), "AN", "EN", "NSM", or "N" (ES, CS, ET, ON, BN: allowed inside either
 * direction, never first or last). Exact for the IDNA-valid code points of Unicode 14 (UnicodeData.txt):
 * there NSM is Mn but for the five listed exceptions, and every letter in the right-to-left blocks is R/AL;
 * letters added later to those blocks take the blocks' default (R/AL).
 */
export function formatHelperBidiClass(ch: string): string {
  if (/^[0-9\u06F0-\u06F9]$/.test(ch)) return "EN";
  if (/^[\u0660-\u0669\u{10D30}-\u{10D39}]$/u.test(ch)) return "AN";
  if (/^[-\u00B7\u02B9\u02BA\u02C6-\u02CF\u02EC\u0375\u2E2F\u30FB\uA67F\uA717-\uA71F\uA788\u200C\u200D]$/.test(ch)) return "N";
  if (/^[\u0CBF\u0CC6\u{11A07}\u{11A08}\u{11C3F}]$/u.test(ch)) return "L";
  if (/^[\p{Mn}\p{Me}]$/u.test(ch)) return "NSM";
  if (/^[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]$/u.test(ch)) return "R";
  return "L";
}

/** RFC 5893 section 2, rules 1-6, for one label of a Bidi domain name. */
export function formatHelperBidiLabel(label: string): boolean {
  const cls = Array.from(label, (c) => formatHelperBidiClass(c));
  const first = cls[0];
  let end = cls.length - 1;
  while (end >= 0 && cls[end] === "NSM") end--;
  const last = cls[end];
  if (first === "R") {
    if (cls.some((c) => c === "L")) return false;
    if (last !== "R" && last !== "EN" && last !== "AN") return false;
    return !(cls.indexOf("EN") >= 0 && cls.indexOf("AN") >= 0);
  }
  if (first === "L") {
    if (cls.some((c) => c === "R" || c === "AN")) return false;
    return last === "L" || last === "EN";
  }
  return false;
}

/**
 * A U-label (RFC 5891 section 5.4, RFC 5892): NFC, no "--" in positions 3-4, no leading or trailing
 * hyphen, no leading combining mark, every code point PVALID or a CONTEXTJ/CONTEXTO code point whose
 * contextual rule (RFC 5892 Appendix A) holds. The Bidi rule is checked per domain name, elsewhere.
 */
export function formatHelperIdnaLabel(label: string): boolean {
  if (label.length === 0 || label.normalize("NFC") !== label) return false;
  const cps = Array.from(label);
  const n = cps.length;
  if (cps[0] === "-" || cps[n - 1] === "-" || (cps[2] === "-" && cps[3] === "-")) return false;
  if (/^\p{M}/u.test(label)) return false;
  for (let i = 0; i < n; i++) {
    const c = cps[i] as string;
    const p = formatHelperIdnaProperty(c);
    if (p === "P") continue;
    if (p === "D") return false;
    const before = i > 0 ? (cps[i - 1] as string) : "";
    const after = i + 1 < n ? (cps[i + 1] as string) : "";
    const cp = c.codePointAt(0) as number;
    if (cp === 0x200d) {
      if (before === "" || !formatHelperIsVirama(before)) return false;
    } else if (cp === 0x200c) {
      if (before !== "" && formatHelperIsVirama(before)) continue;
      let j = i - 1;
      while (j >= 0 && formatHelperJoiningType(cps[j] as string) === "T") j--;
      const left = j >= 0 ? formatHelperJoiningType(cps[j] as string) : "U";
      let k = i + 1;
      while (k < n && formatHelperJoiningType(cps[k] as string) === "T") k++;
      const right = k < n ? formatHelperJoiningType(cps[k] as string) : "U";
      if (!((left === "L" || left === "D") && (right === "R" || right === "D"))) return false;
    } else if (cp === 0xb7) {
      if (before !== "l" || after !== "l") return false;
    } else if (cp === 0x375) {
      if (after === "" || !/^\p{Script=Greek}$/u.test(after)) return false;
    } else if (cp === 0x5f3 || cp === 0x5f4) {
      if (before === "" || !/^\p{Script=Hebrew}$/u.test(before)) return false;
    } else if (cp === 0x30fb) {
      if (!/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(label)) return false;
    } else if (cp >= 0x660 && cp <= 0x669) {
      if (/[\u06F0-\u06F9]/.test(label)) return false;
    } else if (cp >= 0x6f0 && cp <= 0x6f9) {
      if (/[\u0660-\u0669]/.test(label)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * A domain name: RFC 1123 host-name labels (letters, digits, hyphens; 1-63 octets; no leading or trailing
 * hyphen; at most 253 octets in all; no trailing dot). `xn--` labels must be valid A-labels (canonical
 * Punycode of a valid U-label, RFC 5890/5891). With `unicode`, labels may also be U-labels and the label
 * separators U+3002, U+FF0E and U+FF61 are accepted (RFC 3490 section 3.1); lengths are counted on the
 * A-label form. A name with a right-to-left label must satisfy the Bidi rule (RFC 5893) in every label.
 */
export function formatHelperDomain(s: string, unicode: boolean): boolean {
  // Every code point takes at least one octet of the A-label form: a cheap bound before the real checks.
  if (s.length === 0 || s.length > 2 * 253) return false;
  const labels = unicode ? s.split(/[.\u3002\uFF0E\uFF61]/) : s.split(".");
  let total = labels.length - 1;
  let bidi = false;
  const ulabels: string[] = [];
  for (const label of labels) {
    if (label.length === 0 || label.length > 2 * 63) return false;
    let ulabel = label;
    if (/^[\x00-\x7F]*$/.test(label)) {
      if (label.length > 63 || !/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(label)) return false;
      if (/^xn--/i.test(label)) {
        const puny = label.slice(4).toLowerCase();
        const decoded = formatHelperPunycodeDecode(puny);
        if (decoded === null || /^[\x00-\x7F]*$/.test(decoded)) return false;
        if (formatHelperPunycodeEncode(decoded) !== puny) return false;
        if (!formatHelperIdnaLabel(decoded)) return false;
        ulabel = decoded;
      }
      total += label.length;
    } else {
      if (!unicode || !formatHelperIdnaLabel(label)) return false;
      const encoded = formatHelperPunycodeEncode(label);
      if (encoded === null || encoded.length + 4 > 63) return false;
      total += encoded.length + 4;
    }
    if (!bidi) {
      for (const c of ulabel) {
        const k = formatHelperBidiClass(c);
        if (k === "R" || k === "AN") {
          bidi = true;
          break;
        }
      }
    }
    ulabels.push(ulabel);
  }
  if (total > 253) return false;
  if (bidi) for (const u of ulabels) if (!formatHelperBidiLabel(u)) return false;
  return true;
}

/**
 * An e-mail address (RFC 5321 `Mailbox`): a dot-string or quoted-string local part of at most 64 octets,
 * `@`, and a domain or an address literal (`[IPv4]`, `[IPv6:...]`). With `intl` (RFC 6531/6532),
 * non-ASCII characters are allowed in the local part and the domain may hold U-labels (checked after NFC
 * normalization).
 */
export function formatHelperEmail(s: string, intl: boolean): boolean {
  const at = s.lastIndexOf("@");
  if (at <= 0 || at === s.length - 1) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (intl) {
    if (
      !/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u{80}-\u{D7FF}\u{E000}-\u{10FFFF}]+(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u{80}-\u{D7FF}\u{E000}-\u{10FFFF}]+)*$/u.test(local) &&
      !/^"(?:[\x20\x21\x23-\x5B\x5D-\x7E\u{80}-\u{D7FF}\u{E000}-\u{10FFFF}]|\\[\x20-\x7E])*"$/u.test(local)
    ) {
      return false;
    }
  } else if (
    !/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/.test(local) &&
    !/^"(?:[\x20\x21\x23-\x5B\x5D-\x7E]|\\[\x20-\x7E])*"$/.test(local)
  ) {
    return false;
  }
  let octets = 0;
  for (const c of local) {
    const cp = c.codePointAt(0) as number;
    octets += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  if (octets > 64) return false;
  if (domain[0] === "[") {
    if (domain[domain.length - 1] !== "]") return false;
    const literal = domain.slice(1, -1);
    if (/^IPv6:/i.test(literal)) return formatHelperIpv6(literal.slice(5));
    return formatHelperIpv4(literal);
  }
  return intl ? formatHelperDomain(domain.normalize("NFC"), true) : formatHelperDomain(domain, false);
}

/**
 * A URI or IRI (RFC 3986 / RFC 3987), absolute or (with `reference`) a relative reference. Checks the
 * generic syntax: scheme, authority (userinfo, IP-literal / IPvFuture / reg-name, numeric port), path
 * forms, query and fragment, and percent-encoding. With `iri`, `ucschar` is allowed wherever
 * `unreserved` is and `iprivate` in the query.
 */
export function formatHelperUri(s: string, iri: boolean, reference: boolean): boolean {
  let rest = s;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    const fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
    const ok = iri
      ? /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?\u{A0}-\u{D7FF}\u{F900}-\u{FDCF}\u{FDF0}-\u{FFEF}\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}\u{D0000}-\u{DFFFD}\u{E1000}-\u{EFFFD}]|%[0-9A-Fa-f]{2})*$/u.test(fragment)
      : /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/.test(fragment);
    if (!ok) return false;
  }
  const question = rest.indexOf("?");
  if (question >= 0) {
    const query = rest.slice(question + 1);
    rest = rest.slice(0, question);
    const ok = iri
      ? /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?\u{A0}-\u{D7FF}\u{E000}-\u{FDCF}\u{FDF0}-\u{FFEF}\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}\u{D0000}-\u{DFFFD}\u{E1000}-\u{EFFFD}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]|%[0-9A-Fa-f]{2})*$/u.test(query)
      : /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/.test(query);
    if (!ok) return false;
  }
  const scheme = /^[A-Za-z][A-Za-z0-9+\-.]*:/.exec(rest);
  if (scheme !== null) {
    rest = rest.slice(scheme[0].length);
  } else {
    if (!reference) return false;
    // path-noscheme: no colon in the first segment of a relative-path reference
    const slash = rest.indexOf("/");
    if ((slash < 0 ? rest : rest.slice(0, slash)).indexOf(":") >= 0) return false;
  }
  let path = rest;
  if (rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    path = slash < 0 ? "" : rest.slice(slash);
    let hostport = authority;
    const at = authority.indexOf("@");
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      hostport = authority.slice(at + 1);
      const ok = iri
        ? /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:\u{A0}-\u{D7FF}\u{F900}-\u{FDCF}\u{FDF0}-\u{FFEF}\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}\u{D0000}-\u{DFFFD}\u{E1000}-\u{EFFFD}]|%[0-9A-Fa-f]{2})*$/u.test(userinfo)
        : /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*$/.test(userinfo);
      if (!ok) return false;
    }
    let port = "";
    if (hostport.startsWith("[")) {
      const close = hostport.indexOf("]");
      if (close < 0) return false;
      const literal = hostport.slice(1, close);
      const after = hostport.slice(close + 1);
      if (after !== "") {
        if (after[0] !== ":") return false;
        port = after.slice(1);
      }
      if (!formatHelperIpv6(literal) && !/^[vV][0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/.test(literal)) return false;
    } else {
      const colon = hostport.lastIndexOf(":");
      const host = colon < 0 ? hostport : hostport.slice(0, colon);
      if (colon >= 0) port = hostport.slice(colon + 1);
      const ok = iri
        ? /^(?:[A-Za-z0-9\-._~!$&'()*+,;=\u{A0}-\u{D7FF}\u{F900}-\u{FDCF}\u{FDF0}-\u{FFEF}\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}\u{D0000}-\u{DFFFD}\u{E1000}-\u{EFFFD}]|%[0-9A-Fa-f]{2})*$/u.test(host)
        : /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(host);
      if (!ok) return false;
    }
    if (!/^[0-9]*$/.test(port)) return false;
    // path-abempty follows an authority: empty or starting with "/" (guaranteed by the split above)
  } else if (path.startsWith("//")) {
    return false;
  }
  return iri
    ? /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/\u{A0}-\u{D7FF}\u{F900}-\u{FDCF}\u{FDF0}-\u{FFEF}\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}\u{D0000}-\u{DFFFD}\u{E1000}-\u{EFFFD}]|%[0-9A-Fa-f]{2})*$/u.test(path)
    : /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/.test(path);
}

// ---------------------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------------------

/** `date`: RFC 3339 `full-date`. */
export function formatDate(s: string): boolean {
  return formatHelperDate(s);
}

/** `time`: RFC 3339 `full-time` (offset required). */
export function formatTime(s: string): boolean {
  return formatHelperTime(s);
}

/** `date-time`: RFC 3339 `date-time` (`T` and `Z` case-insensitive). */
export function formatDateTime(s: string): boolean {
  const t = s.search(/[Tt]/);
  return t === 10 && formatHelperDate(s.slice(0, 10)) && formatHelperTime(s.slice(11));
}

/** `duration`: RFC 3339 Appendix A (ISO 8601 durations; integers only; weeks alone). */
export function formatDuration(s: string): boolean {
  return /^P(?:(?:[0-9]+D|[0-9]+M(?:[0-9]+D)?|[0-9]+Y(?:[0-9]+M(?:[0-9]+D)?)?)(?:T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))?|T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S)|[0-9]+W)$/.test(s);
}

/** `email`: RFC 5321 `Mailbox` (ASCII). */
export function formatEmail(s: string): boolean {
  return formatHelperEmail(s, false);
}

/** `idn-email`: RFC 6531 `Mailbox` (UTF-8 local part, IDN domain). */
export function formatIdnEmail(s: string): boolean {
  return formatHelperEmail(s, true);
}

/** `hostname`: RFC 1123 host name; `xn--` labels must be valid A-labels (RFC 5890). */
export function formatHostname(s: string): boolean {
  return formatHelperDomain(s, false);
}

/** `idn-hostname`: RFC 5890 internationalized host name (IDNA2008, not UTS #46). */
export function formatIdnHostname(s: string): boolean {
  return formatHelperDomain(s, true);
}

/** `ipv4`: RFC 2673 dotted-quad (no leading zeros). */
export function formatIpv4(s: string): boolean {
  return formatHelperIpv4(s);
}

/** `ipv6`: RFC 4291 text form (no zone id). */
export function formatIpv6(s: string): boolean {
  return formatHelperIpv6(s);
}

/** `uri`: RFC 3986 `URI`. */
export function formatUri(s: string): boolean {
  return formatHelperUri(s, false, false);
}

/** `uri-reference`: RFC 3986 `URI-reference`. */
export function formatUriReference(s: string): boolean {
  return formatHelperUri(s, false, true);
}

/** `iri`: RFC 3987 `IRI`. */
export function formatIri(s: string): boolean {
  return formatHelperUri(s, true, false);
}

/** `iri-reference`: RFC 3987 `IRI-reference`. */
export function formatIriReference(s: string): boolean {
  return formatHelperUri(s, true, true);
}

/**
 * `uri-template`: RFC 6570 level-4 syntax (the reserved operators `=,!@|` are rejected). The apostrophe
 * is accepted in literals (RFC 6570 erratum 6937: it is a sub-delim the ABNF left out by mistake).
 */
export function formatUriTemplate(s: string): boolean {
  return /^(?:[\x21\x23\x24\x26-\x3B\x3D\x3F-\x5B\x5D\x5F\x61-\x7A\x7E\u{A0}-\u{D7FF}\u{E000}-\u{FDCF}\u{FDF0}-\u{FFEF}\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}\u{D0000}-\u{DFFFD}\u{E1000}-\u{EFFFD}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]|%[0-9A-Fa-f]{2}|\{[+#./;?&]?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*(?::[1-9][0-9]{0,3}|\*)?)*\})*$/u.test(s);
}

/** `uuid`: RFC 4122 hyphenated hexadecimal form, any version and variant. */
export function formatUuid(s: string): boolean {
  return /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/.test(s);
}

/** `json-pointer`: RFC 6901 string representation. */
export function formatJsonPointer(s: string): boolean {
  return /^(?:\/(?:[^~/]|~[01])*)*$/.test(s);
}

/** `relative-json-pointer`: a non-negative integer, then `#` or a JSON pointer. */
export function formatRelativeJsonPointer(s: string): boolean {
  return /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~[01])*)*)$/.test(s);
}

/** `regex`: an ECMA-262 regular expression, compiled with the `u` flag. */
export function formatRegex(s: string): boolean {
  try {
    new RegExp(s, "u");
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------------------------------------

/**
 * Format name -> check and the helpers it needs (transitively: emit `fn` and every helper listed, each
 * by `toString()`, and the check runs). Helper names are unique across formats, so emitting the union of
 * the helpers of several formats is fine.
 */
export const FORMATS: Record<string, { fn: (s: string) => boolean; helpers: ((...a: any[]) => any)[] }> = {
  date: { fn: formatDate, helpers: [formatHelperDate] },
  time: { fn: formatTime, helpers: [formatHelperTime] },
  "date-time": { fn: formatDateTime, helpers: [formatHelperDate, formatHelperTime] },
  duration: { fn: formatDuration, helpers: [] },
  email: {
    fn: formatEmail,
    helpers: [
      formatHelperEmail,
      formatHelperIpv4,
      formatHelperIpv6,
      formatHelperDomain,
      formatHelperPunycodeDecode,
      formatHelperPunycodeEncode,
      formatHelperIdnaLabel,
      formatHelperIdnaProperty,
      formatHelperIsVirama,
      formatHelperJoiningType,
      formatHelperBidiClass,
      formatHelperBidiLabel,
    ],
  },
  "idn-email": {
    fn: formatIdnEmail,
    helpers: [
      formatHelperEmail,
      formatHelperIpv4,
      formatHelperIpv6,
      formatHelperDomain,
      formatHelperPunycodeDecode,
      formatHelperPunycodeEncode,
      formatHelperIdnaLabel,
      formatHelperIdnaProperty,
      formatHelperIsVirama,
      formatHelperJoiningType,
      formatHelperBidiClass,
      formatHelperBidiLabel,
    ],
  },
  hostname: {
    fn: formatHostname,
    helpers: [
      formatHelperDomain,
      formatHelperPunycodeDecode,
      formatHelperPunycodeEncode,
      formatHelperIdnaLabel,
      formatHelperIdnaProperty,
      formatHelperIsVirama,
      formatHelperJoiningType,
      formatHelperBidiClass,
      formatHelperBidiLabel,
    ],
  },
  "idn-hostname": {
    fn: formatIdnHostname,
    helpers: [
      formatHelperDomain,
      formatHelperPunycodeDecode,
      formatHelperPunycodeEncode,
      formatHelperIdnaLabel,
      formatHelperIdnaProperty,
      formatHelperIsVirama,
      formatHelperJoiningType,
      formatHelperBidiClass,
      formatHelperBidiLabel,
    ],
  },
  ipv4: { fn: formatIpv4, helpers: [formatHelperIpv4] },
  ipv6: { fn: formatIpv6, helpers: [formatHelperIpv6, formatHelperIpv4] },
  uri: { fn: formatUri, helpers: [formatHelperUri, formatHelperIpv6, formatHelperIpv4] },
  "uri-reference": { fn: formatUriReference, helpers: [formatHelperUri, formatHelperIpv6, formatHelperIpv4] },
  iri: { fn: formatIri, helpers: [formatHelperUri, formatHelperIpv6, formatHelperIpv4] },
  "iri-reference": { fn: formatIriReference, helpers: [formatHelperUri, formatHelperIpv6, formatHelperIpv4] },
  "uri-template": { fn: formatUriTemplate, helpers: [] },
  uuid: { fn: formatUuid, helpers: [] },
  "json-pointer": { fn: formatJsonPointer, helpers: [] },
  "relative-json-pointer": { fn: formatRelativeJsonPointer, helpers: [] },
  regex: { fn: formatRegex, helpers: [] },
};
