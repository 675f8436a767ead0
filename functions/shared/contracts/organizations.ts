import * as z from 'zod';
import { approvalPolicy } from '../approval-policy';
import type { AreaContracts } from './contract';
import { email, roleSchema, sessionGrant, timestamp, uuidParam } from './common';

export const organization = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    subscriptionPlan: z.string(),
    subscriptionStatus: z.string(),
    maxUsers: z.number().int(),
    maxSocialAccounts: z.number().int(),
    dataRetentionDays: z.number().int(),
    approvals: approvalPolicy.meta({ id: 'ApprovalPolicy' }),
    createdAt: timestamp,
  })
  .meta({ id: 'Organization' });

export const member = z
  .object({
    id: z.uuid().describe('Membership id (use it to change the role or remove the member)'),
    userId: z.uuid(),
    email: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    role: roleSchema,
    joinedAt: timestamp,
  })
  .meta({ id: 'Member' });

export const invitation = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: roleSchema,
    expiresAt: timestamp,
    createdAt: timestamp,
  })
  .meta({ id: 'Invitation' });

export const API_KEY_SCOPES = ['read', 'write'] as const;

export const apiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('Shown to tell keys apart; the full key is shown only once'),
    role: roleSchema,
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    expiresAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });

const slug = z
  .string()
  .trim()
  .min(3)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens');

export const organizationContracts = {
  getOrganization: { response: organization },
  updateOrganization: {
    body: z
      .object({
        name: z.string().trim().min(1).max(255).optional(),
        slug: slug.optional(),
        dataRetentionDays: z.number().int().min(30).max(3650).optional(),
        approvals: approvalPolicy
          .optional()
          .meta({ id: 'ApprovalPolicyInput' })
          .describe('Who must have posts approved, and who approves them'),
      })
      .strict()
      .meta({ id: 'UpdateOrganizationRequest' }),
    response: organization,
    errors: { 409: 'That slug is taken' },
  },
  listMembers: {
    response: z
      .object({ members: z.array(member), invitations: z.array(invitation) })
      .meta({ id: 'MemberList' }),
  },
  inviteMember: {
    body: z.object({ email, role: roleSchema }).meta({ id: 'InviteMemberRequest' }),
    response: invitation,
    successStatus: 201,
    errors: {
      403: 'Verify your email address first; or the plan allows no more members',
      409: 'That person is a member already',
    },
  },
  revokeInvitation: { params: uuidParam, successStatus: 204 },
  removeMember: {
    params: uuidParam,
    successStatus: 204,
    errors: {
      403: 'You are no longer an admin of this organization',
      409: 'The organization would be left without an admin',
    },
  },
  updateMemberRole: {
    params: uuidParam,
    body: z.object({ role: roleSchema }).meta({ id: 'UpdateMemberRoleRequest' }),
    response: member,
    errors: {
      403: 'You are no longer an admin of this organization',
      409: 'The organization would be left without an admin',
    },
  },
  getInvitation: {
    params: z.object({ token: z.string().min(16).max(256) }),
    response: z
      .object({
        organizationName: z.string(),
        email: z.string(),
        role: roleSchema,
        invitedBy: z.string().nullable(),
        expiresAt: timestamp,
        accountExists: z.boolean().describe('Sign in to accept, or set a password to create the account'),
      })
      .meta({ id: 'InvitationPreview' }),
  },
  acceptInvitation: {
    body: z
      .object({
        token: z.string().min(16).max(256),
        password: z
          .string()
          .min(1)
          .max(256)
          .describe('Existing account: its password. New account: the new password.'),
        firstName: z.string().trim().min(1).max(100).optional(),
        lastName: z.string().trim().min(1).max(100).optional(),
        acceptTerms: z.literal(true).optional(),
      })
      .meta({ id: 'AcceptInvitationRequest' }),
    response: sessionGrant,
    errors: {
      401: 'The account exists and the password is wrong',
      403: "The organization's plan allows no more members",
      404: 'The invitation does not exist, was used, revoked or expired',
    },
  },
  listApiKeys: { response: z.object({ apiKeys: z.array(apiKey) }) },
  createApiKey: {
    body: z
      .object({
        name: z.string().trim().min(1).max(255),
        role: roleSchema.describe('At most your own role'),
        scopes: z.array(z.enum(API_KEY_SCOPES)).min(1),
        expiresAt: timestamp.optional(),
      })
      .meta({ id: 'CreateApiKeyRequest' }),
    response: apiKey
      .extend({ key: z.string().describe('The secret; shown only in this response') })
      .meta({ id: 'CreatedApiKey' }),
    successStatus: 201,
    errors: { 403: 'A key cannot have a higher role than yours' },
  },
  revokeApiKey: { params: uuidParam, successStatus: 204 },
} satisfies AreaContracts<'organizations'>;
