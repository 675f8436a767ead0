import type { Container } from '../../../adapters/container';
import { twitterCrcResponseToken } from '../../../core/webhooks/handshakes';
import { verifyTwitterSignature } from '../../../core/webhooks/verify-signature';
import type { Operation } from '../../operation';
import { acceptWebhook, enforceSignature, rawBodyBytes, requireSignatureHeader } from './intake';
import { missingSetting, platformApps } from './platform-settings';

const SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

async function consumerSecret(container: Container): Promise<string> {
  const secret = (await platformApps(container)).twitter?.consumerSecret;
  if (!secret) throw missingSetting('twitter.consumerSecret');
  return secret;
}

/** X's CRC: prove ownership of the consumer secret; X requires the answer within 3 s. */
export const answerTwitterCrc: Operation<'answerTwitterCrc'> = async ({ query }, { container }) => ({
  body: { response_token: twitterCrcResponseToken(String(query.crc_token), await consumerSecret(container)) },
});

/** X Account Activity events, signed like the CRC but over the raw body. */
export const receiveTwitterWebhook: Operation<'receiveTwitterWebhook'> = async (
  _input,
  { event, container },
) => {
  const signature = requireSignatureHeader(event, SIGNATURE_HEADER);
  const body = rawBodyBytes(event);
  const secret = await consumerSecret(container);
  enforceSignature(verifyTwitterSignature(body, signature, secret), SIGNATURE_HEADER, 'twitter', container);
  return acceptWebhook(container, 'twitter', body);
};
