import type { Logger } from '../../functions/core/ports';

export interface CapturedLog {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  extra: object[];
}

/** A Logger that records instead of printing, so tests can assert on what was logged. */
export function captureLogger(): Logger & { entries: CapturedLog[] } {
  const entries: CapturedLog[] = [];
  const at =
    (level: CapturedLog['level']) =>
    (message: string, ...extra: object[]): void => {
      entries.push({ level, message, extra });
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
