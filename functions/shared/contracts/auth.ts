import * as z from 'zod';
import type { AreaContracts } from './contract';
import { email, newPassword, sessionGrant, timeZone } from './common';

const token = z.string().min(16).max(256);

export const authContracts = {
  register: {
    body: z
      .object({
        email,
        password: newPassword,
        firstName: z.string().trim().min(1).max(100),
        lastName: z.string().trim().min(1).max(100),
        organizationName: z.string().trim().min(1).max(255),
        timezone: timeZone.optional(),
        acceptTerms: z.literal(true, { message: 'Accept the terms and privacy policy to continue' }),
      })
      .meta({ id: 'RegisterRequest' }),
    response: sessionGrant,
    successStatus: 201,
    errors: { 409: 'An account with this email exists already' },
  },
  login: {
    body: z.object({ email, password: z.string().min(1).max(256) }).meta({ id: 'LoginRequest' }),
    response: sessionGrant,
    errors: {
      401: 'The email or password is wrong',
      403: 'The account has no organization to sign in to any more',
      429: 'Too many failed sign-ins for this account from this address; see `Retry-After`',
    },
  },
  logout: { successStatus: 204, errors: { 403: 'The session cookie was sent from another site' } },
  refreshSession: {
    response: sessionGrant,
    errors: {
      401: 'No refresh cookie, or it expired, was revoked or was used before',
      403: 'The session cookie was sent from another site, or you are no longer a member of the organization',
    },
  },
  switchOrganization: {
    body: z.object({ organizationId: z.uuid() }).meta({ id: 'SwitchOrganizationRequest' }),
    response: sessionGrant,
    errors: { 404: 'You are not a member of that organization' },
  },
  forgotPassword: { body: z.object({ email }).meta({ id: 'ForgotPasswordRequest' }), successStatus: 202 },
  resetPassword: {
    body: z.object({ token, password: newPassword }).meta({ id: 'ResetPasswordRequest' }),
    successStatus: 204,
  },
  verifyEmail: {
    body: z.object({ token }).meta({ id: 'VerifyEmailRequest' }),
    response: z.object({ emailVerified: z.literal(true) }),
  },
  resendVerification: { successStatus: 202 },
  createWebSocketTicket: {
    response: z.object({ ticket: z.string(), expiresIn: z.number().int() }).meta({ id: 'WebSocketTicket' }),
    successStatus: 201,
  },
} satisfies AreaContracts<'auth'>;
