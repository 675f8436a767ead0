import { z } from 'zod';
import type { RouteContract } from './contract';
import { email, newPassword, sessionGrant, timeZone } from './common';

const token = z.string().min(16).max(256);

export const authContracts: Record<string, RouteContract> = {
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
  },
  login: {
    body: z.object({ email, password: z.string().min(1).max(256) }).meta({ id: 'LoginRequest' }),
    response: sessionGrant,
  },
  logout: { successStatus: 204 },
  refreshSession: { response: sessionGrant },
  switchOrganization: {
    body: z.object({ organizationId: z.uuid() }).meta({ id: 'SwitchOrganizationRequest' }),
    response: sessionGrant,
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
};
