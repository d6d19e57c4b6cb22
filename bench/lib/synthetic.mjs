// A deterministic synthetic corpus in the Cognito one-shape-per-file style, for the scale benchmark.
//
// `writeSyntheticCorpus(dir, n)` writes n files `synth-<family>-<kebab-name>-schema.json` (draft 2020-12, with
// `$id`, `title` and `description` as in the corpus). Three families share the work (store 50 %, admin 30 %,
// billing 20 %), so the namespace rule finds three namespaces. The shapes follow the corpus' mix:
//   45 % strings (length bounds, a third with a pattern), 10 % enums (3–12 values), 5 % integers (bounds),
//   10 % arrays of another shape (`items: { $ref }`, maxItems), 30 % objects of 3–15 members.
// Object members are `allOf: [{ $ref: "#/components/schemas/X" }, { description }]` — a pointer that does not
// exist in the file and resolves by the component fallback to the sibling titled X — as in the corpus; 1 in 12
// refers to a shape of another family; 1 in 10 is a map (`additionalProperties: { $ref }`). Objects may refer to
// any shape, including later objects, so there are cycles (through members, as in real APIs).
// Same n, same bytes: a seeded PRNG (mulberry32), no clock, no Math.random.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = (
  'account access action address alias app attribute auth batch bucket cache challenge client code config ' +
  'context credential custom delivery device domain email event export filter group hash identity import key ' +
  'lambda limit log message metadata mfa name notification order password phone policy pool provider quota ' +
  'record region request resource response risk role rule scope secret session setting sms status stream tag ' +
  'template token trigger type user value version'
).split(' ');
const FAMILIES = [
  ['store', 0.5],
  ['admin', 0.3],
  ['billing', 0.2],
];
const PATTERNS = ['[\\w-]+_[0-9a-zA-Z]+', '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}$', '[\\S]+', '^arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+$'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pascal = (words) => words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The shapes of a corpus of n: [{ family, name, kind }], deterministic. */
export function syntheticShapes(n) {
  const rnd = mulberry32(0x5eed + n);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const shapes = [];
  const used = new Set();
  for (let i = 0; i < n; i++) {
    const f = (i % 10) / 10;
    const family = f < FAMILIES[0][1] ? FAMILIES[0][0] : f < FAMILIES[0][1] + FAMILIES[1][1] ? FAMILIES[1][0] : FAMILIES[2][0];
    const r = rnd();
    const kind = r < 0.45 ? 'string' : r < 0.55 ? 'enum' : r < 0.6 ? 'integer' : r < 0.7 ? 'array' : 'object';
    const suffix = { string: 'Type', enum: 'Type', integer: 'Type', array: 'ListType', object: i % 3 === 0 ? 'Request' : 'Response' }[kind];
    let name;
    do name = pascal([pick(WORDS), pick(WORDS), ...(rnd() < 0.5 ? [pick(WORDS)] : [])]) + suffix;
    while (used.has(name) && (name = `${name}${i}`) && used.has(name));
    used.add(name);
    shapes.push({ family, name, kind });
  }
  return { shapes, rnd, pick };
}

function sentence(rnd, pick, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(pick(WORDS));
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (rnd() < 0.3 ? ` (see <code>${pascal([pick(WORDS), pick(WORDS)])}</code>).` : '.');
}

/** Writes the corpus of n shapes into dir; returns the file count. */
export function writeSyntheticCorpus(dir, n) {
  mkdirSync(dir, { recursive: true });
  const { shapes, rnd, pick } = syntheticShapes(n);
  const byFamily = new Map();
  for (const s of shapes) byFamily.set(s.family, [...(byFamily.get(s.family) ?? []), s]);
  const refTarget = (s, notArrays) => {
    const pool = rnd() < 1 / 12 ? shapes : byFamily.get(s.family);
    for (;;) {
      const t = pick(pool);
      if (t !== s && !(notArrays && t.kind === 'array')) return t;
    }
  };
  const ref = (t) => ({ $ref: `#/components/schemas/${t.name}` });
  for (const s of shapes) {
    const body = {};
    switch (s.kind) {
      case 'string':
        Object.assign(body, { type: 'string', minLength: 1, maxLength: 1 + Math.floor(rnd() * 2048) });
        if (rnd() < 1 / 3) body.pattern = pick(PATTERNS);
        break;
      case 'enum': {
        const count = 3 + Math.floor(rnd() * 10);
        const values = new Set();
        while (values.size < count) values.add(`${pick(WORDS).toUpperCase()}_${pick(WORDS).toUpperCase()}`);
        Object.assign(body, { type: 'string', enum: [...values] });
        break;
      }
      case 'integer':
        Object.assign(body, { type: 'integer', minimum: 0, maximum: Math.floor(rnd() * 100_000) });
        break;
      case 'array':
        Object.assign(body, { type: 'array', items: ref(refTarget(s, true)), maxItems: 1 + Math.floor(rnd() * 100) });
        break;
      case 'object': {
        const members = 3 + Math.floor(rnd() * 13);
        const properties = {};
        const required = [];
        for (let m = 0; m < members; m++) {
          const t = refTarget(s, false);
          const key = t.name.replace(/(Type|ListType|Request|Response)$/, '') || t.name;
          if (key in properties) continue;
          const description = sentence(rnd, pick, 6 + Math.floor(rnd() * 30));
          properties[key] =
            rnd() < 0.1
              ? { type: 'object', additionalProperties: ref(t), description }
              : { allOf: [ref(t), { description }] };
          if (rnd() < 0.35) required.push(key);
        }
        Object.assign(body, { type: 'object', ...(required.length ? { required } : {}), properties });
        break;
      }
    }
    const file = `synth-${s.family}-${kebab(s.name)}-schema.json`;
    const doc = {
      ...body,
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://example.com/synthetic/json-schema/${file}`,
      title: s.name,
      description: `${s.name} schema from the synthetic ${s.family} service`,
    };
    writeFileSync(join(dir, file), JSON.stringify(doc, null, 2) + '\n');
  }
  return shapes.length;
}
