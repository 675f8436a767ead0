import { hmacSha256, secretsEqual } from './hmac';

/**
 * Meta's subscription check: `GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...`
 * is answered with the challenge only when the token is the one configured for the app.
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started
 */
export function answerMetaVerification(
  query: { mode: string; verifyToken: string; challenge: string },
  expectedToken: string,
): { ok: true; challenge: string } | { ok: false } {
  const tokenMatches = secretsEqual(query.verifyToken, expectedToken);
  return query.mode === 'subscribe' && tokenMatches
    ? { ok: true, challenge: query.challenge }
    : { ok: false };
}

/**
 * X's Challenge-Response Check: `sha256=` + base64(HMAC-SHA256(consumer secret, crc_token)),
 * answered as `{"response_token": ...}` within three seconds.
 * https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks
 */
export function twitterCrcResponseToken(crcToken: string, consumerSecret: string): string {
  return `sha256=${hmacSha256(consumerSecret, crcToken).toString('base64')}`;
}

/**
 * LinkedIn's endpoint validation (at registration, then every two hours):
 * `challengeResponse = hex(HMAC-SHA256(challengeCode, clientSecret))`, returned as JSON with
 * the code within three seconds.
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation
 */
export function linkedInChallengeResponse(challengeCode: string, clientSecret: string): string {
  return hmacSha256(clientSecret, challengeCode).toString('hex');
}
