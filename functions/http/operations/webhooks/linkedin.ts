import type { Container } from '../../../adapters/container';
import { linkedInChallengeResponse } from '../../../core/webhooks/handshakes';
import { verifyLinkedInSignature } from '../../../core/webhooks/verify-signature';
import type { Operation } from '../../operation';
import { acceptWebhook, enforceSignature, rawBodyBytes, requireSignatureHeader } from './intake';
import { missingSetting, platformApps } from './platform-settings';

const SIGNATURE_HEADER = 'X-LI-Signature';

async function clientSecret(container: Container): Promise<string> {
  const secret = (await platformApps(container)).linkedin?.clientSecret;
  if (!secret) throw missingSetting('linkedin.clientSecret');
  return secret;
}

/**
 * LinkedIn's endpoint validation (`GET ?challengeCode=`), repeated every two hours; three
 * failures in a row block the endpoint. `applicationId` only concerns parent-child apps,
 * which Plume does not use, so the one configured client secret answers.
 */
export const answerLinkedInChallenge: Operation<'answerLinkedInChallenge'> = async (
  { query },
  { container },
) => {
  const challengeCode = String(query.challengeCode);
  return {
    body: {
      challengeCode,
      challengeResponse: linkedInChallengeResponse(challengeCode, await clientSecret(container)),
    },
  };
};

/** LinkedIn notifications; deduplicated on their `notificationId`, as LinkedIn asks. */
export const receiveLinkedInWebhook: Operation<'receiveLinkedInWebhook'> = async (
  _input,
  { event, container },
) => {
  const signature = requireSignatureHeader(event, SIGNATURE_HEADER);
  const body = rawBodyBytes(event);
  const secret = await clientSecret(container);
  enforceSignature(verifyLinkedInSignature(body, signature, secret), SIGNATURE_HEADER, 'linkedin', container);
  return acceptWebhook(container, 'linkedin', body);
};
