import { z } from 'zod';
import type { RouteContract } from './contract';

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

export const webhooksContracts: Record<string, RouteContract> = {
  verifyFacebookWebhook: {
    query: z.object({
      'hub.mode': token('Always `subscribe`'),
      'hub.verify_token': token('Must equal the verify token configured for the Meta app'),
      'hub.challenge': token('Echoed back as text/plain when the token matches'),
    }),
    responseContentType: 'text/plain',
  },
  receiveFacebookWebhook: { response: received },
  answerTwitterCrc: {
    query: z.object({ crc_token: token('Challenge from X, signed with the consumer secret') }),
    response: z
      .object({ response_token: z.string().describe('`sha256=` + base64 HMAC-SHA256 of crc_token') })
      .meta({ id: 'TwitterCrcResponse' }),
  },
  receiveTwitterWebhook: { response: received },
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
  },
  receiveLinkedInWebhook: { response: received },
};
