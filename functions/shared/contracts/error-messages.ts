import * as z from 'zod';

/**
 * The words every contract's failed check is reported in, when the schema itself sets no
 * message: zod's defaults ("Too small: expected number to be >0") are written for developers,
 * and these reach people through the dashboard. Installed once as zod's global `customError`
 * on import (contracts/common.ts imports this module, so the server and the dashboard share
 * it); a message written in a schema, or passed to one parse, still wins.
 */

const plural = (count: number | bigint, one: string, many = `${one}s`): string =>
  `${count} ${Number(count) === 1 ? one : many}`;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  tuple: 'a list',
  date: 'a date',
  null: 'null',
  file: 'a file',
};

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'Enter a valid email address',
  uuid: 'Must be an id (a UUID)',
  guid: 'Must be an id (a UUID)',
  url: 'Must be a web address (URL)',
  datetime: 'Use an ISO 8601 date and time with an offset, e.g. 2026-03-29T09:00:00Z',
  date: 'Use a date as YYYY-MM-DD, e.g. 2026-03-29',
  time: 'Use a time as HH:mm, e.g. 09:30',
  duration: 'Use an ISO 8601 duration, e.g. PT15M',
  ipv4: 'Must be an IPv4 address',
  ipv6: 'Must be an IPv6 address',
  base64: 'Must be base64 text',
  base64url: 'Must be base64url text',
  jwt: 'Must be a JSON Web Token',
};

/** Shows a value from the request inside a message: quoted, short, one line. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function describeType(expected: string, input: unknown): string {
  if (input === undefined) return 'Required';
  if (expected === 'number' && typeof input === 'number') return 'Must be a finite number';
  return `Must be ${TYPE_NAMES[expected] ?? expected}`;
}

type Bound = 'origin' | 'inclusive' | 'exact';

function tooSmall(issue: Pick<z.core.$ZodIssueTooSmall, Bound | 'minimum'>): string {
  const { origin, minimum, inclusive } = issue;
  switch (origin) {
    case 'string':
      if (issue.exact) return `Use exactly ${plural(minimum, 'character')}`;
      return Number(minimum) <= 1 ? 'Must not be empty' : `Use at least ${plural(minimum, 'character')}`;
    case 'array':
    case 'set':
      if (issue.exact) return `Give exactly ${plural(minimum, 'item')}`;
      return Number(minimum) <= 1 ? 'Give at least one' : `Give at least ${plural(minimum, 'item')}`;
    case 'file':
      return Number(minimum) <= 1 ? 'The file is empty' : `The file must be at least ${minimum} bytes`;
    case 'date':
      return inclusive ? `Must be on or after ${shown(minimum)}` : `Must be after ${shown(minimum)}`;
    default:
      return inclusive ? `Must be at least ${minimum}` : `Must be greater than ${minimum}`;
  }
}

function tooBig(issue: Pick<z.core.$ZodIssueTooBig, Bound | 'maximum'>): string {
  const { origin, maximum, inclusive } = issue;
  switch (origin) {
    case 'string':
      if (issue.exact) return `Use exactly ${plural(maximum, 'character')}`;
      return `Use at most ${plural(maximum, 'character')}`;
    case 'array':
    case 'set':
      return issue.exact
        ? `Give exactly ${plural(maximum, 'item')}`
        : `Give at most ${plural(maximum, 'item')}`;
    case 'file':
      return `The file must be at most ${maximum} bytes`;
    case 'date':
      return inclusive ? `Must be on or before ${shown(maximum)}` : `Must be before ${shown(maximum)}`;
    default:
      return inclusive ? `Must be at most ${maximum}` : `Must be less than ${maximum}`;
  }
}

function invalidValue(values: readonly unknown[]): string {
  if (values.length === 1) return `Must be ${shown(values[0])}`;
  const listed = values.slice(0, 12).map(shown).join(', ');
  return values.length > 12 ? `Must be one of ${listed}, …` : `Must be one of ${listed}`;
}

function unrecognizedKeys(keys: readonly string[]): string {
  const listed = keys.slice(0, 5).map(shown).join(', ');
  const more = keys.length > 5 ? ` and ${keys.length - 5} more` : '';
  return keys.length === 1 ? `Unknown field ${listed}` : `Unknown fields ${listed}${more}`;
}

/** zod error map: a message for each kind of failed check; undefined keeps zod's own. */
export const friendlyZodError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return describeType(issue.expected, issue.input);
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      if (issue.format === 'regex') return 'Has the wrong format';
      if (issue.format === 'starts_with')
        return `Must start with ${shown((issue as { prefix?: string }).prefix)}`;
      if (issue.format === 'ends_with')
        return `Must end with ${shown((issue as { suffix?: string }).suffix)}`;
      if (issue.format === 'includes')
        return `Must contain ${shown((issue as { includes?: string }).includes)}`;
      return FORMAT_MESSAGES[issue.format] ?? `Must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `Must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return unrecognizedKeys(issue.keys);
    case 'invalid_union':
      return 'Does not match any of the accepted forms';
    case 'invalid_key': {
      const inner = issue.issues[0];
      if (inner?.code === 'invalid_value')
        return `Unknown key; use ${invalidValue(inner.values).replace(/^Must be /, '')}`;
      return inner ? `Invalid key: ${inner.message}` : 'Invalid key';
    }
    case 'invalid_element':
      return 'Has an invalid item';
    case 'invalid_value':
      return invalidValue(issue.values);
    default:
      return undefined;
  }
};

z.config({ customError: friendlyZodError });
