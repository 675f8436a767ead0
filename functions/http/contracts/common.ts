import { z } from 'zod';

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

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z.string().max(64).refine(isTimeZone, 'Not an IANA time zone (e.g. Europe/Paris)');

export const roleSchema = z.enum(['viewer', 'user', 'manager', 'admin']);

export const timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601, UTC');

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
