import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Env } from '../../config/env';
import type { Logger } from '../../core/ports';
import { loggableError, scrubLogText } from './loggable-error';

/**
 * Powertools drops these keys from a log line's extra data (they name its own fields) and
 * prints a warning instead, so `{ message: reason }` used to vanish. They are kept under
 * `detail` instead, e.g. `"detail": { "message": "rate limited" }`.
 */
const RESERVED_KEYS = new Set(['level', 'message', 'sampling_rate', 'service', 'timestamp']);
const MAX_DEPTH = 4;

/** One value of a log line, made safe: errors described, free text scrubbed, depth bounded. */
function safeValue(value: unknown, depth: number): unknown {
  if (value instanceof Error) return loggableError(value);
  if (typeof value === 'string') return scrubLogText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => safeValue(item, depth + 1));
  if (value instanceof Date) return value.toISOString();
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = safeValue(item, depth + 1);
  return result;
}

/** The extra data of one log call: reserved keys moved under `detail`, every value made safe. */
export function safeLogAttributes(extra: object): Record<string, unknown> {
  if (extra instanceof Error) return { error: loggableError(extra) };
  const attributes: Record<string, unknown> = {};
  const detail: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extra)) {
    (RESERVED_KEYS.has(key) ? detail : attributes)[key] = safeValue(value, 1);
  }
  if (Object.keys(detail).length > 0) attributes.detail = { ...(attributes.detail as object), ...detail };
  return attributes;
}

/**
 * Powertools Logger behind the port: one JSON object per line, the same shape in Lambda and
 * locally, so log queries written against CloudWatch also work on a developer's terminal.
 * Everything passes through `safeLogAttributes` first, so no caller can log a query's bound
 * values (password hashes, key hashes) by passing an error or its text.
 */
export function createLogger(serviceName: string, logLevel: Env['LOG_LEVEL'] = 'INFO'): Logger {
  const powertools = new PowertoolsLogger({ serviceName, logLevel });
  const at =
    (log: (message: string, ...extra: Record<string, unknown>[]) => void) =>
    (message: string, ...extra: object[]): void =>
      log(scrubLogText(message), ...extra.map(safeLogAttributes));
  return {
    debug: at(powertools.debug.bind(powertools)),
    info: at(powertools.info.bind(powertools)),
    warn: at(powertools.warn.bind(powertools)),
    error: at(powertools.error.bind(powertools)),
  };
}
