/**
 * What text, nesting and instants the API accepts, decided once for every route (bodies,
 * query strings, path parameters, JSON keys as well as values). Browser-safe: no Node APIs.
 *
 * Why these rules: PostgreSQL refuses NUL in `text` and `jsonb`, and refuses lone UTF-16
 * surrogates in `jsonb` (postgres.js silently turns them into U+FFFD in `text`); the other C0
 * controls are never typed by a person and break CSV exports, logs and the networks' APIs.
 * Deep nesting makes recursive code (zod, JSON.stringify, jsonb) overflow its stack. And an
 * instant must survive `Date` and PostgreSQL's `timestamptz` with a four-digit year, because
 * `Date.toISOString()` writes `+010000-…` or `0000-…`, which PostgreSQL refuses.
 */

/** Deepest JSON nesting accepted (objects and arrays); real payloads stay under 6. */
export const MAX_JSON_DEPTH = 32;

/**
 * Instants are accepted from 1000-01-01T00:00Z to 9999-12-31T23:59:59.999Z. As patterns (so
 * the OpenAPI document states the range exactly), applied on top of the ISO 8601 format:
 * the year as written is 1000–9999, and an offset cannot push the instant past either end.
 */
export const INSTANT_RANGE_PATTERN = '^(?!0)(?!1000-01-01T.*\\+(?!00:00$))(?!9999-12-31T.*-(?!00:00$))';
export const INSTANT_RANGE_MESSAGE = 'Must be between 1000-01-01 and 9999-12-31 (UTC)';

/** Calendar days: years 1000–9999. */
export const DATE_RANGE_PATTERN = '^(?=[1-9])';
export const DATE_RANGE_MESSAGE = 'Must be between 1000-01-01 and 9999-12-31';

/** Wall times: a day clear of both ends, so that any zone's offset keeps the instant in range. */
export const LOCAL_TIME_PATTERN = '^(?!0)(?!1000-01-01)(?!9999-12-31)';
export const LOCAL_TIME_RANGE_MESSAGE = 'Must be between 1000-01-02 and 9999-12-30';

/**
 * The text rule as a JSON Schema pattern (ECMA-262 with the `u` flag, as OpenAPI 3.1 and ajv
 * read it): in `u` mode a valid surrogate pair is one code point, so only lone halves match
 * the excluded D800–DFFF range.
 */
export const SAFE_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF]*$';

// Not `u` mode: code units, so that lone surrogates can be found by look-around.
const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (unit: number): string => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why this text is refused, in words; undefined when it is acceptable. */
export function unsafeTextReason(value: string): string | undefined {
  const found = FORBIDDEN_CHARACTER.exec(value);
  if (!found) return undefined;
  const unit = found[0].charCodeAt(0);
  const where = `at character ${found.index + 1}`;
  return unit >= 0xd800
    ? `Contains a broken Unicode character (an unpaired surrogate, ${codePoint(unit)}) ${where}`
    : `Contains a control character (${codePoint(unit)}) ${where}; only tab, line feed and carriage return are allowed`;
}

/** A key as it can be shown in a field path: forbidden characters written as `\uXXXX`. */
export function printableKey(key: string): string {
  const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
  return shown.replace(
    new RegExp(FORBIDDEN_CHARACTER.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface TextIssue {
  /** Path below the location, e.g. `targets.0.options.<key>`. */
  path: string[];
  message: string;
}

/** Reported issues are capped: one bad character per field is enough to act on. */
const MAX_TEXT_ISSUES = 20;

/**
 * Every string and object key in a parsed JSON value (or a query string / path parameters
 * record) that breaks the text rule. Walks with an explicit stack, so hostile nesting cannot
 * overflow the call stack.
 */
export function findUnsafeText(value: unknown): TextIssue[] {
  // Each entry links to its parent, so a path is built only for a value that is reported:
  // copying paths on the way down would cost depth² on hostile nesting.
  interface Entry {
    value: unknown;
    key?: string;
    parent?: Entry;
  }
  const pathOf = (entry: Entry): string[] => {
    const path: string[] = [];
    for (let at: Entry | undefined = entry; at?.key !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const issues: TextIssue[] = [];
  const stack: Entry[] = [{ value }];
  while (stack.length > 0 && issues.length < MAX_TEXT_ISSUES) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (typeof current === 'string') {
      const reason = unsafeTextReason(current);
      if (reason) issues.push({ path: pathOf(entry), message: reason });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        stack.push({ value: current[i], key: String(i), parent: entry });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current as Record<string, unknown>).reverse();
      for (const [key, child] of entries) {
        const childEntry: Entry = { value: child, key: printableKey(key), parent: entry };
        const keyReason = unsafeTextReason(key);
        if (keyReason)
          issues.push({
            path: pathOf(childEntry),
            message: keyReason.replace(/^Contains/, 'This key contains'),
          });
        else stack.push(childEntry);
      }
    }
  }
  return issues.slice(0, MAX_TEXT_ISSUES);
}

/**
 * Whether JSON text nests deeper than `max`, judged by scanning the text (strings skipped)
 * before it is parsed: no recursion, linear time, works on malformed text too.
 */
export function jsonNestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
