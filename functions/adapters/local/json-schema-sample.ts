/**
 * Builds a deterministic JSON value that satisfies a JSON Schema (the subset that zod's
 * `toJSONSchema` and hand-written agent schemas use: objects, arrays, tuples, strings with
 * formats and lengths, numbers with bounds, enums, consts, unions, allOf and local $refs).
 * Every free-text string says it is offline, so nobody mistakes it for model output.
 */
type Schema = Record<string, unknown>;

interface Context {
  root: Schema;
  name: string;
  index: number;
  now: Date;
  depth: number;
  /** The $refs being expanded on this path, to notice recursion. */
  refs: string[];
  /** Inside a recursive $ref: emit only what is required, so the value stays finite. */
  minimal: boolean;
}

const MAX_DEPTH = 12;

export function sampleFromSchema(schema: Schema, now: Date): unknown {
  return sample(schema, { root: schema, name: 'value', index: 0, now, depth: 0, refs: [], minimal: false });
}

function sample(input: unknown, ctx: Context): unknown {
  if (input === true || input === undefined) return `[offline] ${ctx.name}`;
  if (input === false || typeof input !== 'object' || input === null) return null;
  if (ctx.depth > MAX_DEPTH) return null;
  const schema = input as Schema;
  const next = { ...ctx, depth: ctx.depth + 1 };

  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    const minimal = ctx.minimal || ctx.refs.includes(ref);
    return sample(resolveRef(ref, ctx.root), { ...next, refs: [...ctx.refs, ref], minimal });
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return schema.enum[ctx.index % schema.enum.length];
  if (Array.isArray(schema.allOf)) return sample(mergeAll(schema, schema.allOf as Schema[]), next);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      // Prefer a real value over null so the answer shows the shape, except inside a
      // recursion, where null (when allowed) ends it.
      const isNull = (option: unknown): boolean => (option as Schema).type === 'null';
      const chosen =
        (ctx.minimal ? options.find(isNull) : undefined) ?? options.find((o) => !isNull(o)) ?? options[0];
      return sample({ ...withoutKey(schema, key), ...(chosen as Schema) }, next);
    }
  }

  switch (typeOf(schema)) {
    case 'object':
      return sampleObject(schema, next);
    case 'array':
      return sampleArray(schema, next);
    case 'integer':
      return sampleNumber(schema, true, ctx.index);
    case 'number':
      return sampleNumber(schema, false, ctx.index);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(schema, ctx);
  }
}

function typeOf(schema: Schema): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string | undefined) ?? 'null';
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  return 'string';
}

function sampleObject(schema: Schema, ctx: Context): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const result: Record<string, unknown> = {};
  // Every declared property (not only the required ones) so the whole shape is visible,
  // except inside a recursion.
  const names = ctx.minimal ? required : [...Object.keys(properties), ...required];
  for (const name of new Set(names)) {
    result[name] = sample(properties[name], { ...ctx, name, index: 0 });
  }
  return result;
}

function sampleArray(schema: Schema, ctx: Context): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as unknown[]) : [];
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const count = Math.min(Math.max(minItems, prefix.length, ctx.minimal ? 0 : 1), maxItems);
  const items: unknown[] = [];
  for (let index = 0; index < count; index += 1) {
    const itemSchema = index < prefix.length ? prefix[index] : schema.items;
    if (index >= prefix.length && schema.items === false) break;
    // The index varies each item, so `uniqueItems` holds.
    items.push(sample(itemSchema, { ...ctx, name: singular(ctx.name), index }));
  }
  return items;
}

function sampleNumber(schema: Schema, integer: boolean, index: number): number {
  const step = integer ? 1 : 0.5;
  const num = (key: string): number | undefined =>
    typeof schema[key] === 'number' ? (schema[key] as number) : undefined;
  const exclusiveMin = num('exclusiveMinimum');
  const exclusiveMax = num('exclusiveMaximum');
  const low = num('minimum') ?? (exclusiveMin !== undefined ? exclusiveMin + step : undefined);
  const high = num('maximum') ?? (exclusiveMax !== undefined ? exclusiveMax - step : undefined);
  let value: number;
  if (low !== undefined && high !== undefined) value = low + (high - low) / 2;
  else if (low !== undefined) value = low + index;
  else if (high !== undefined) value = Math.min(high, index);
  else value = index;
  if (integer) value = Math.ceil(value);
  const multipleOf = num('multipleOf');
  if (multipleOf) value = Math.ceil(value / multipleOf) * multipleOf;
  if (high !== undefined && value > high)
    value = integer || multipleOf ? Math.floor(high / (multipleOf ?? 1)) * (multipleOf ?? 1) : high;
  return value;
}

function sampleString(schema: Schema, ctx: Context): string {
  const byFormat = formatted(schema.format, ctx);
  let text = byFormat ?? `[offline] ${humanize(ctx.name)}${ctx.index > 0 ? ` ${ctx.index + 1}` : ''}`;
  if (byFormat === undefined) {
    const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
    while (text.length < minLength) text += ' (offline)';
    if (text.length > maxLength) text = text.slice(0, maxLength);
  }
  return text;
}

function formatted(format: unknown, ctx: Context): string | undefined {
  const n = ctx.index;
  switch (format) {
    case 'date-time':
      return new Date(ctx.now.getTime() + n * 3_600_000).toISOString();
    case 'date':
      return new Date(ctx.now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    case 'time':
      return `${String(12 + (n % 12)).padStart(2, '0')}:00:00`;
    case 'email':
      return n === 0 ? 'offline@example.com' : `offline${n + 1}@example.com`;
    case 'uri':
    case 'url':
      return `https://example.com/offline/${n + 1}`;
    case 'uuid':
      return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    case 'hostname':
      return `offline${n || ''}.example.com`;
    case 'ipv4':
      return `192.0.2.${(n % 254) + 1}`;
    case 'duration':
      return `PT${n + 1}H`;
    default:
      return undefined;
  }
}

function resolveRef(ref: string, root: Schema): unknown {
  if (!ref.startsWith('#')) return true;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Schema)[key] : undefined;
  }
  return node ?? true;
}

function mergeAll(base: Schema, parts: Schema[]): Schema {
  const merged: Schema = withoutKey(base, 'allOf');
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties')
        merged.properties = { ...(merged.properties as Schema), ...(value as Schema) };
      else if (key === 'required')
        merged.required = [...((merged.required as string[]) ?? []), ...(value as string[])];
      else merged[key] = value;
    }
  }
  return merged;
}

function withoutKey(schema: Schema, key: string): Schema {
  const copy = { ...schema };
  delete copy[key];
  return copy;
}

function singular(name: string): string {
  return name.endsWith('s') && name.length > 1 ? name.slice(0, -1) : name;
}

function humanize(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}
