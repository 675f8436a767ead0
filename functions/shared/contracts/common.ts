import * as z from 'zod';
import {
  DATE_RANGE_MESSAGE,
  DATE_RANGE_PATTERN,
  INSTANT_RANGE_MESSAGE,
  INSTANT_RANGE_PATTERN,
  LOCAL_TIME_PATTERN,
  LOCAL_TIME_RANGE_MESSAGE,
} from '../input-rules';
// Installs the people-facing messages of every failed check (zod's global customError).
import './error-messages';

export const uuidParam = z.object({ id: z.uuid() });

/** Lower-cased and trimmed: emails are compared case-insensitively everywhere. */
export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .transform((value) => value.toLowerCase());

/** Length only: strength (zxcvbn) is judged by the server with the user's own details. */
export const newPassword = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(256, 'Use at most 256 characters');

/** Zones already judged valid: building an Intl formatter to check one costs ~30 µs per request. */
const knownZones = new Set<string>();

function isTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    return false;
  }
  // Bounded by the runtime's zone list (a name Intl refuses is never kept).
  knownZones.add(value);
  return true;
}

/** What an IANA zone name looks like; the zone must also be one the server knows. */
const TIME_ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

export const timeZone = z
  .string()
  .max(64)
  .regex(TIME_ZONE_PATTERN, 'Not an IANA time zone (e.g. Europe/Paris)')
  // Judged only once the name has the right shape, so a bad one gets one message.
  .refine(
    (zone) => !TIME_ZONE_PATTERN.test(zone) || isTimeZone(zone),
    'Not an IANA time zone (e.g. Europe/Paris)',
  )
  .describe('IANA time zone name, e.g. Europe/Paris');

export const roleSchema = z.enum(['viewer', 'user', 'manager', 'admin']);

/**
 * Adds a range, written as look-aheads anchored at the start (input-rules.ts), to a string
 * format. The server checks it as a refinement with its own message; the OpenAPI document
 * states format and range as one pattern (two would make `allOf`, which the dashboard's
 * generated types render badly), so the document is exactly as strict as the server.
 */
function inRange<T extends z.ZodType<string, string>>(format: T, range: string, message: string): T {
  const formatPattern = (z.toJSONSchema(format) as { pattern?: string }).pattern ?? '^.*$';
  const lookaheads = new RegExp(range);
  return format
    .refine((value) => lookaheads.test(value), message)
    .meta({ pattern: `${range}${formatPattern.replace(/^\^/, '')}` }) as unknown as T;
}

/** An instant: ISO 8601 with an offset, in the range `Date` and PostgreSQL both hold. */
export const timestamp = inRange(
  z.iso.datetime({ offset: true }),
  INSTANT_RANGE_PATTERN,
  INSTANT_RANGE_MESSAGE,
).describe('ISO 8601, UTC');

/** A calendar day, `YYYY-MM-DD`, years 1000 to 9999. */
export const calendarDate = inRange(z.iso.date(), DATE_RANGE_PATTERN, DATE_RANGE_MESSAGE);

/** A wall time, `YYYY-MM-DDTHH:mm[:ss]`, read in a time zone given alongside it. */
export const localDateTime = inRange(
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Use YYYY-MM-DDTHH:mm'),
  LOCAL_TIME_PATTERN,
  LOCAL_TIME_RANGE_MESSAGE,
);

export const organizationSummary = z
  .object({ id: z.uuid(), name: z.string(), slug: z.string(), role: roleSchema })
  .meta({ id: 'OrganizationSummary' });

export const me = z
  .object({
    id: z.uuid(),
    email: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    timezone: z.string(),
    language: z.string(),
    emailVerified: z.boolean(),
    isSuperAdmin: z.boolean(),
    gdprConsent: z.boolean(),
    gdprConsentDate: timestamp.nullable(),
    createdAt: timestamp,
    organization: organizationSummary.describe('The organization this session acts in'),
    organizations: z.array(organizationSummary).describe('Every organization the user belongs to'),
  })
  .meta({ id: 'Me' });

/** What sign-in, registration, refresh and organization switching return. */
export const sessionGrant = z
  .object({
    accessToken: z.string().describe('Short-lived JWT; send as `Authorization: Bearer …`'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    user: me,
  })
  .meta({ id: 'SessionGrant' });
