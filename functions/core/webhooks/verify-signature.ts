import { digestsEqual, hmacSha256 } from './hmac';
import { parseSignatureHeader, type SignatureFormat } from './signature-header';

/** `missing`: no header; `malformed`: not a SHA-256 signature; `mismatch`: wrong secret or altered body. */
export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' };

/**
 * Checks `header` against HMAC-SHA256 of each candidate message under each secret. Every
 * candidate is computed and compared (no early exit), so the time taken does not tell which
 * secret or message form matched.
 */
function verify(
  header: string | undefined,
  format: SignatureFormat,
  secrets: readonly string[],
  messages: readonly Uint8Array[],
): SignatureCheck {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  const received = parseSignatureHeader(header, format);
  if (!received) return { ok: false, reason: 'malformed' };
  let matched = false;
  for (const secret of secrets) {
    for (const message of messages) {
      if (digestsEqual(hmacSha256(secret, message), received)) matched = true;
    }
  }
  return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/**
 * Meta (Facebook Pages, Instagram, Threads): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw
 * body, app secret)>`. Several app secrets may be configured (one Meta app per product), and
 * one callback URL may serve them all, so a match with any of them is accepted. The legacy
 * SHA-1 `X-Hub-Signature` header is never consulted.
 */
export function verifyMetaSignature(
  body: Uint8Array,
  header: string | undefined,
  appSecrets: readonly string[],
): SignatureCheck {
  return verify(header, { prefix: 'sha256=', encoding: 'hex' }, appSecrets, [body]);
}

/** X: `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(raw body, consumer secret)>`. */
export function verifyTwitterSignature(
  body: Uint8Array,
  header: string | undefined,
  consumerSecret: string,
): SignatureCheck {
  return verify(header, { prefix: 'sha256=', encoding: 'base64' }, [consumerSecret], [body]);
}

const LINKEDIN_PREFIX = Buffer.from('hmacsha256=', 'utf8');

/**
 * LinkedIn: `X-LI-Signature`, hex HMAC-SHA256 keyed with the app's client secret. LinkedIn's
 * page says the hash is "of the POST body prefixed by `hmacsha256=`", which implementations
 * read two ways: the prefix is part of the signed message, or it decorates the header value.
 * Both readings are accepted (each still needs the client secret), so neither breaks intake.
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation
 */
export function verifyLinkedInSignature(
  body: Uint8Array,
  header: string | undefined,
  clientSecret: string,
): SignatureCheck {
  const prefixed = Buffer.concat([LINKEDIN_PREFIX, body]);
  return verify(
    header,
    { prefix: 'hmacsha256=', prefixOptional: true, encoding: 'hex' },
    [clientSecret],
    [prefixed, body],
  );
}
