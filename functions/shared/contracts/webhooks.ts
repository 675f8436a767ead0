import * as z from 'zod';
import type { AreaContracts, RouteContract } from './contract';

/**
 * Contracts of the inbound platform webhooks. The POST routes declare no body on purpose: the
 * signature covers the exact bytes sent, so the pipeline must not parse (and re-serialise)
 * them; each operation reads the raw body, verifies it, then parses it.
 */
const token = (description: string) => z.string().min(1).max(1000).describe(description);

const received = z
  .object({
    received: z.literal(true),
    duplicate: z
      .boolean()
      .describe('This delivery was stored before; it was acknowledged and not stored again'),
  })
  .meta({ id: 'WebhookReceipt' });

/** A signed event delivery: the operation verifies the exact bytes, then parses them. */
const signed = (network: string) =>
  ({
    rawBody: {
      description: `The event as ${network} sends it, signed over its exact bytes`,
      content: { 'application/json': z.record(z.string(), z.unknown()) },
    },
    response: received,
    errors: {
      400: 'The signature header is missing, or the body is not JSON',
      401: 'The signature does not match',
      413: 'The body is over 1000000 bytes',
      503: `${network} webhooks are not configured on this Plume`,
    },
  }) satisfies RouteContract;

export const webhooksContracts = {
  verifyFacebookWebhook: {
    query: z.object({
      'hub.mode': token('Always `subscribe`'),
      'hub.verify_token': token('Must equal the verify token configured for the Meta app'),
      'hub.challenge': token('Echoed back as text/plain when the token matches'),
    }),
    responseContentType: 'text/plain',
    errors: {
      403: 'The mode is not `subscribe` or the verify token does not match',
      503: 'Meta webhooks are not configured on this Plume',
    },
  },
  receiveFacebookWebhook: signed('Meta'),
  answerTwitterCrc: {
    query: z.object({ crc_token: token('Challenge from X, signed with the consumer secret') }),
    response: z
      .object({ response_token: z.string().describe('`sha256=` + base64 HMAC-SHA256 of crc_token') })
      .meta({ id: 'TwitterCrcResponse' }),
    errors: { 503: 'X webhooks are not configured on this Plume' },
  },
  receiveTwitterWebhook: signed('X'),
  answerLinkedInChallenge: {
    query: z.object({
      challengeCode: token('Random UUID from LinkedIn'),
      applicationId: z.string().max(100).optional().describe('Only for parent-child applications'),
    }),
    response: z
      .object({
        challengeCode: z.string(),
        challengeResponse: z
          .string()
          .describe('Hex HMAC-SHA256 of challengeCode keyed with the client secret'),
      })
      .meta({ id: 'LinkedInChallengeResponse' }),
    errors: { 503: 'LinkedIn webhooks are not configured on this Plume' },
  },
  receiveLinkedInWebhook: signed('LinkedIn'),
} satisfies AreaContracts<'webhooks'>;
