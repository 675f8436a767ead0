import { z } from 'zod';

/**
 * Zod compiles object parsers with `new Function` unless told not to. The deployed dashboard's
 * Content-Security-Policy has no 'unsafe-eval', so that would log a violation on every page
 * that validates a form. Must run before any schema is built: contracts.ts imports it first.
 */
z.config({ jitless: true });
