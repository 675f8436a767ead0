import { answerMetaVerification } from '../../../core/webhooks/handshakes';
import { verifyMetaSignature } from '../../../core/webhooks/verify-signature';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { acceptWebhook, enforceSignature, rawBodyBytes, requireSignatureHeader } from './intake';
import { missingSetting, platformApps } from './platform-settings';

const SIGNATURE_HEADER = 'X-Hub-Signature-256';

/** Meta's subscription handshake: echo `hub.challenge` as plain text when the token matches. */
export const verifyFacebookWebhook: Operation<'verifyFacebookWebhook'> = async ({ query }, { container }) => {
  const expected = (await platformApps(container)).facebook?.webhookVerifyToken;
  if (!expected) throw missingSetting('facebook.webhookVerifyToken');
  const answer = answerMetaVerification(
    {
      mode: String(query['hub.mode']),
      verifyToken: String(query['hub.verify_token']),
      challenge: String(query['hub.challenge']),
    },
    expected,
  );
  if (!answer.ok)
    throw new HttpProblem(
      403,
      'forbidden',
      'hub.mode must be subscribe and hub.verify_token must match the configured token.',
    );
  // The challenge is caller-chosen text: plain text, never sniffed as HTML.
  return {
    text: answer.challenge,
    contentType: 'text/plain; charset=utf-8',
    headers: { 'x-content-type-options': 'nosniff' },
  };
};

/**
 * Meta events (Pages, and Instagram / Threads when their callbacks point here). Verified
 * against every configured Meta app secret; the SHA-1 `X-Hub-Signature` is ignored.
 */
export const receiveFacebookWebhook: Operation<'receiveFacebookWebhook'> = async (
  _input,
  { event, container },
) => {
  const signature = requireSignatureHeader(event, SIGNATURE_HEADER);
  const body = rawBodyBytes(event);
  const apps = await platformApps(container);
  const secrets = [apps.facebook?.appSecret, apps.instagram?.appSecret, apps.threads?.appSecret].filter(
    (secret): secret is string => typeof secret === 'string' && secret.length > 0,
  );
  if (secrets.length === 0) throw missingSetting('facebook.appSecret');
  enforceSignature(verifyMetaSignature(body, signature, secrets), SIGNATURE_HEADER, 'facebook', container);
  return acceptWebhook(container, 'facebook', body);
};
