import * as z from 'zod';
import { SANDBOX_HANDLE_PATTERN, SANDBOX_POST_KINDS } from '../enums';
import { timestamp } from './common';
import type { AreaContracts } from './contract';

const handle = z
  .string()
  .trim()
  .toLowerCase()
  .regex(new RegExp(SANDBOX_HANDLE_PATTERN), 'Not a sandbox handle')
  .describe('Sandbox account handle, e.g. `ada`');

const limit = z.coerce.number().int().min(1).max(100).default(30);

export const sandboxMetrics = z
  .object({
    impressions: z.number().int().nonnegative(),
    reach: z.number().int().nonnegative(),
    likes: z.number().int().nonnegative(),
    comments: z.number().int().nonnegative(),
    shares: z.number().int().nonnegative(),
    clicks: z.number().int().nonnegative(),
    saves: z.number().int().nonnegative(),
    videoViews: z.number().int().nonnegative().optional(),
  })
  .describe('Engagement so far, from the documented model (functions/platforms/sandbox/README.md)')
  .meta({ id: 'SandboxMetrics' });

export const sandboxPost = z
  .object({
    id: z.uuid(),
    kind: z.enum(SANDBOX_POST_KINDS),
    replyToId: z.uuid().nullable(),
    text: z.string(),
    media: z.array(
      z.object({
        kind: z.enum(['image', 'video', 'gif']),
        url: z.string(),
        mimeType: z.string(),
        altText: z.string().optional(),
      }),
    ),
    publishedAt: timestamp,
    url: z.string().describe('The post on the public sandbox feed page'),
    metrics: sandboxMetrics,
  })
  .meta({ id: 'SandboxPost' });

export const sandboxContracts = {
  getSandboxFeed: {
    query: z
      .object({
        handle: handle.optional().describe('Only this account'),
        post: z.uuid().optional().describe('Only this post, with its replies and comments'),
        before: timestamp.optional().describe('Posts published before this instant (next page)'),
        limit,
      })
      .strict(),
    responseContentType: 'text/html',
    errors: { 404: 'No such sandbox account or post' },
  },
  getSandboxAccount: {
    params: z.object({ handle }),
    query: z.object({ limit }).strict(),
    response: z
      .object({
        handle: z.string(),
        displayName: z.string(),
        timeZone: z.string().describe("The audience's IANA zone; the activity curve runs in it"),
        followers: z.number().int().nonnegative().describe('Audience now'),
        createdAt: timestamp,
        profileUrl: z.string(),
        posts: z.array(sandboxPost).describe('Newest first, top-level posts only'),
      })
      .meta({ id: 'SandboxAccount' }),
  },
} satisfies AreaContracts<'sandbox'>;
