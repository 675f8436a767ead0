import fc from 'fast-check';

/**
 * Request generators driven by the OpenAPI document. For each operation a few plausible
 * requests are drawn from its schemas and kept if the server's own schema accepts them
 * (seeds); each fuzzed request is a seed with one hostile change: a value replaced or a
 * character injected (control characters, unpaired surrogates, huge and negative numbers,
 * instants outside what PostgreSQL or Date hold, deep nesting, oversized values, wrong types)
 * or a hostile key added. One change in an otherwise valid request reaches past validation
 * into the operation and the database, where the 500s were.
 */
type Schema = Record<string, unknown>;

export interface FuzzPools {
  /** Ids that exist in the caller's organization (posts, accounts, members...). */
  ids: string[];
  /** The ids that fit a property or path best, e.g. `socialAccountId` or `/api/posts/{id}`. */
  byName: Record<string, string[]>;
}

/** The pool for a property name or a path: the longest key it contains. */
function idsFor(name: string, pools: FuzzPools): string[] | undefined {
  const key = Object.keys(pools.byName)
    .filter((k) => name.includes(k))
    .sort((a, b) => b.length - a.length)[0];
  return key ? pools.byName[key] : undefined;
}

/** Short text to inject into a valid string: each once broke a write or a query. */
export const INJECTIONS = ['\u0000', '\u0001', '\u0007', '\u000b', '\u001b', '\ud800', '\udc00', '\udbff'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS.map((c) => `a${c}b`)),
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59-23:59',
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00Z',
    '10000-01-01',
    '0000-01-01',
    '9999-12-31T23:00',
    '2024-02-30T25:61:61Z',
  ),
  fc.constantFrom('-1', '0', '1e309', '99999999999999999999999', 'NaN', 'Infinity', '-0', '0x1F'),
  fc.constantFrom('', ' ', '../../etc/passwd', "' or 1=1 --", '%00', '<script>x</script>', 'Etc/GMT+99'),
  fc.constantFrom('x'.repeat(70_000), '😀'.repeat(30_000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const hostileNumber: fc.Arbitrary<number> = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  1e308,
  -1e308,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  2 ** 63,
  Number.MAX_SAFE_INTEGER,
  1e-300,
);

/** Nesting past the API's depth limit. */
const deep = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
};

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, [], {}, deep(40), deep(33)) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 3_000 }, (_, i) => i)) },
  { weight: 1, arbitrary: fc.constantFrom({ 'k\u0000': 1 }, { '\ud800': 'v' }, { constructor: 1 }) },
);

export const hostileKey = fc.constantFrom(
  'k\u0000ey',
  '\ud800',
  '\u0007',
  'x'.repeat(5_000),
  '__proto__',
  '',
);

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  let current = schema;
  for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) {
    current = components[(current.$ref as string).split('/').pop()!] ?? {};
  }
  return current;
}

/** A value the document's schema describes, roughly (formats, enums and bounds honoured). */
export function plausible(
  raw: Schema,
  components: Record<string, Schema>,
  pools: FuzzPools,
  depth = 0,
  name = '',
): fc.Arbitrary<unknown> {
  const schema = resolve(raw, components);
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants?.length) return fc.oneof(...variants.map((v) => plausible(v, components, pools, depth, name)));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = Array.isArray(schema.type)
    ? (schema.type as string[])[0]
    : (schema.type as string | undefined);
  switch (type) {
    case 'string':
      return plausibleString(schema, pools, name);
    case 'integer':
      return fc.integer({
        min: Math.max(Number(schema.minimum ?? 1), -1_000),
        max: Math.min(Number(schema.maximum ?? 100), 1_000_000),
      });
    case 'number':
      return fc.double({ min: 0, max: 1_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = Math.min(Number(schema.minItems ?? 0), 3);
      if (depth > 4) return fc.constant([]);
      // A list of ids with no fixtures of their kind (media): empty, or nothing would pass.
      const itemSchema = resolve((schema.items as Schema | undefined) ?? {}, components);
      if (minLength === 0 && itemSchema.format === 'uuid' && !idsFor(name, pools)) return fc.constant([]);
      const items = plausible((schema.items as Schema | undefined) ?? {}, components, pools, depth + 1, name);
      return fc.array(items, { minLength, maxLength: Math.max(minLength, 2) });
    }
    case 'object':
      return plausibleObject(schema, components, pools, depth);
    default:
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant({ key: 'value' }));
  }
}

function plausibleString(schema: Schema, pools: FuzzPools, name: string): fc.Arbitrary<string> {
  const inAYear = new Date(Date.UTC(2032, 5, 15, 9, 30));
  switch (schema.format) {
    case 'uuid': {
      const ids = idsFor(name, pools) ?? pools.ids;
      return ids.length > 0
        ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() })
        : fc.uuid();
    }
    case 'date-time':
      return fc.constant(inAYear.toISOString());
    case 'date':
      return fc.constant(inAYear.toISOString().slice(0, 10));
    case 'email':
      return fc.constantFrom('someone@example.test', 'Ada.Lovelace@Example.test');
    case 'uri':
      return fc.constant('https://example.test/a.png');
    default:
      break;
  }
  const pattern = String(schema.pattern ?? '');
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}T')) return fc.constant(inAYear.toISOString().slice(0, 16));
  const zoneLike =
    pattern.includes('[A-Za-z][A-Za-z0-9_+-]') || String(schema.description ?? '').includes('zone');
  if (zoneLike) return fc.constantFrom('Europe/Paris', 'UTC', 'America/New_York');
  if (pattern.includes('[a-z0-9]+(?:-[a-z0-9]+)*')) return fc.constantFrom('acme', 'acme-2');
  if (pattern.includes('[a-z]{2}')) return fc.constantFrom('en', 'fr-FR');
  const min = Math.max(Number(schema.minLength ?? 0), 1);
  const max = Math.max(min, Math.min(Number(schema.maxLength ?? 24), 24));
  return fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' }).map((s) => s.trim() || 'text');
}

function plausibleObject(
  schema: Schema,
  components: Record<string, Schema>,
  pools: FuzzPools,
  depth: number,
): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (names.length === 0) {
    const keys = (schema.propertyNames as Schema | undefined)?.enum as string[] | undefined;
    const value = (schema.additionalProperties as Schema | undefined) ?? {};
    return fc.dictionary(
      keys ? fc.constantFrom(...keys) : fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme-ascii' }),
      plausible(value, components, pools, depth + 1),
      { maxKeys: 2 },
    );
  }
  return fc.record(
    Object.fromEntries(
      names.map((property) => [
        property,
        plausible(properties[property]!, components, pools, depth + 1, property),
      ]),
    ),
    { requiredKeys: names.filter((property) => required.has(property)) },
  );
}

/**
 * Up to `count` values drawn from the schema that `accepts` (the server's own validation)
 * takes: the starting points of the mutations. Deterministic (fixed seed).
 */
export function seedsFor(
  draw: fc.Arbitrary<unknown>,
  accepts: (value: unknown) => boolean,
  count = 4,
): unknown[] {
  const found: unknown[] = [];
  for (const candidate of fc.sample(draw, { numRuns: 400, seed: 7 })) {
    if (accepts(candidate)) found.push(candidate);
    if (found.length >= count) break;
  }
  return found;
}

export interface Mutation {
  /** Which place of the seed (index into its places, modulo their count). */
  place: number;
  kind: 'replace' | 'inject' | 'key' | 'none';
  value: unknown;
  injection: string;
  key: string;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  place: fc.nat(),
  kind: fc.constantFrom('replace', 'inject', 'inject', 'key', 'none'),
  value: hostileValue,
  injection: fc.constantFrom(...INJECTIONS),
  key: hostileKey,
});

type Place = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every value inside `root`, with where it sits (so it can be replaced). */
function placesOf(root: unknown): { places: Place[]; objects: Record<string, unknown>[] } {
  const places: Place[] = [];
  const objects: Record<string, unknown>[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((value, index) => {
        places.push({ parent: node, key: index });
        stack.push(value);
      });
    } else if (node !== null && typeof node === 'object') {
      objects.push(node as Record<string, unknown>);
      for (const [key, value] of Object.entries(node)) {
        places.push({ parent: node as Record<string, unknown>, key });
        stack.push(value);
      }
    }
  }
  return { places, objects };
}

/** The seed with the one hostile change; a scalar seed is itself the place. */
export function mutate(seed: unknown, change: Mutation): unknown {
  const box = { root: structuredClone(seed) as unknown };
  const { places, objects } = placesOf(box);
  const rootless = places.length > 1 ? places.slice(1) : places;
  if (change.kind === 'none' || rootless.length === 0) return box.root;
  if (change.kind === 'key') {
    const inside = objects.filter((object) => object !== box);
    if (inside.length > 0) inside[change.place % inside.length]![change.key] = 'x';
    return box.root;
  }
  const place = rootless[change.place % rootless.length]!;
  const current = (place.parent as Record<string | number, unknown>)[place.key];
  const next =
    change.kind === 'inject' && typeof current === 'string'
      ? `${current.slice(0, 3)}${change.injection}${current.slice(3)}`
      : change.value;
  (place.parent as Record<string | number, unknown>)[place.key] = next;
  return box.root;
}

/** Percent-encodes what can travel in a URL; a lone surrogate cannot, so it becomes U+FFFD. */
export const encodeUrlPart = (value: string): string =>
  encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
