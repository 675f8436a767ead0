import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  linkedInChallengeResponse,
  answerMetaVerification,
  twitterCrcResponseToken,
} from '../../../functions/core/webhooks/handshakes';
import {
  parseSignatureHeader,
  type SignatureFormat,
} from '../../../functions/core/webhooks/signature-header';
import {
  verifyLinkedInSignature,
  verifyMetaSignature,
  verifyTwitterSignature,
} from '../../../functions/core/webhooks/verify-signature';

// RFC 4231 test case 2: HMAC-SHA256(key "Jefe", "what do ya want for nothing?"). Pinning the
// schemes to a published vector keeps these tests independent of the code's own HMAC call.
const KEY = 'Jefe';
const MESSAGE = 'what do ya want for nothing?';
const DIGEST_HEX = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
const DIGEST_B64 = Buffer.from(DIGEST_HEX, 'hex').toString('base64');
const body = Buffer.from(MESSAGE, 'utf8');

describe('handshakes', () => {
  it('answers X CRC with sha256= and the base64 HMAC of crc_token under the consumer secret', () => {
    expect(twitterCrcResponseToken(MESSAGE, KEY)).toBe(`sha256=${DIGEST_B64}`);
  });

  it('answers LinkedIn with the hex HMAC of challengeCode under the client secret', () => {
    expect(linkedInChallengeResponse(MESSAGE, KEY)).toBe(DIGEST_HEX);
  });

  it('echoes the Meta challenge only for mode subscribe and the exact token', () => {
    const query = { mode: 'subscribe', verifyToken: 'tok-1', challenge: '1158201444' };
    expect(answerMetaVerification(query, 'tok-1')).toEqual({ ok: true, challenge: '1158201444' });
    expect(answerMetaVerification(query, 'tok-2')).toEqual({ ok: false });
    expect(answerMetaVerification(query, 'tok-10')).toEqual({ ok: false });
    expect(answerMetaVerification({ ...query, mode: 'unsubscribe' }, 'tok-1')).toEqual({ ok: false });
  });
});

describe('Meta X-Hub-Signature-256', () => {
  const header = `sha256=${DIGEST_HEX}`;

  it('accepts the published vector, also in upper-case hex, with any configured app secret', () => {
    expect(verifyMetaSignature(body, header, [KEY])).toEqual({ ok: true });
    expect(verifyMetaSignature(body, `sha256=${DIGEST_HEX.toUpperCase()}`, [KEY])).toEqual({ ok: true });
    expect(verifyMetaSignature(body, header, ['instagram-secret', KEY])).toEqual({ ok: true });
  });

  it('refuses a wrong secret, a tampered body, a missing header and a SHA-1 legacy header', () => {
    expect(verifyMetaSignature(body, header, ['not-jefe'])).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyMetaSignature(Buffer.from(`${MESSAGE} `), header, [KEY])).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyMetaSignature(body, undefined, [KEY])).toEqual({ ok: false, reason: 'missing' });
    expect(verifyMetaSignature(body, '', [KEY])).toEqual({ ok: false, reason: 'missing' });
    // X-Hub-Signature (sha1=<40 hex>) put where the SHA-256 one belongs is not a SHA-256 signature.
    expect(verifyMetaSignature(body, 'sha1=2cd5a4c6b0d2e5e1d5c3b1a0f9e8d7c6b5a49382', [KEY])).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyMetaSignature(body, DIGEST_HEX, [KEY])).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('X x-twitter-webhooks-signature', () => {
  it('accepts sha256=<base64> of the body and refuses hex, other secrets and other bodies', () => {
    expect(verifyTwitterSignature(body, `sha256=${DIGEST_B64}`, KEY)).toEqual({ ok: true });
    expect(verifyTwitterSignature(body, `sha256=${DIGEST_HEX}`, KEY)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyTwitterSignature(body, `sha256=${DIGEST_B64}`, 'other')).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyTwitterSignature(Buffer.from('{}'), `sha256=${DIGEST_B64}`, KEY)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});

describe('LinkedIn X-LI-Signature', () => {
  it('accepts the documented prefixed-message reading and the plain-body reading, with or without the header prefix', () => {
    const prefixed = createHmac('sha256', KEY).update(`hmacsha256=${MESSAGE}`).digest('hex');
    expect(verifyLinkedInSignature(body, prefixed, KEY)).toEqual({ ok: true });
    expect(verifyLinkedInSignature(body, `hmacsha256=${prefixed}`, KEY)).toEqual({ ok: true });
    expect(verifyLinkedInSignature(body, DIGEST_HEX, KEY)).toEqual({ ok: true });
    expect(verifyLinkedInSignature(body, `hmacsha256=${DIGEST_HEX}`, KEY)).toEqual({ ok: true });
  });

  it('refuses a wrong secret and a tampered body', () => {
    expect(verifyLinkedInSignature(body, DIGEST_HEX, 'other')).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyLinkedInSignature(Buffer.from(MESSAGE.toUpperCase()), DIGEST_HEX, KEY)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});

describe('signature header parser, fuzzed', () => {
  const formats: SignatureFormat[] = [
    { prefix: 'sha256=', encoding: 'hex' },
    { prefix: 'sha256=', encoding: 'base64' },
    { prefix: 'hmacsha256=', prefixOptional: true, encoding: 'hex' },
  ];
  const digest = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes));

  it('never throws, and yields either nothing or exactly 32 bytes, whatever the header', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant(undefined)),
        fc.constantFrom(...formats),
        (value, format) => {
          const parsed = parseSignatureHeader(value, format);
          expect(parsed === undefined || parsed.length === 32).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back every digest it is given, in its format', () => {
    fc.assert(
      fc.property(digest, fc.constantFrom(...formats), (bytes, format) => {
        const encoded = bytes.toString(format.encoding);
        expect(parseSignatureHeader(`${format.prefix ?? ''}${encoded}`, format)).toEqual(bytes);
        expect(parseSignatureHeader(`  ${format.prefix?.toUpperCase() ?? ''}${encoded} `, format)).toEqual(
          bytes,
        );
      }),
    );
  });

  it('refuses truncated, extended or re-encoded digests', () => {
    fc.assert(
      fc.property(
        digest,
        fc.constantFrom(...formats),
        fc.string({ minLength: 1, maxLength: 3 }),
        (bytes, format, extra) => {
          const encoded = bytes.toString(format.encoding);
          const prefix = format.prefix ?? '';
          expect(parseSignatureHeader(`${prefix}${encoded.slice(1)}`, format)).toBeUndefined();
          expect(
            parseSignatureHeader(`${prefix}${encoded}${extra.trim() === '' ? 'x' : extra}`, format),
          ).toBeUndefined();
          const other = format.encoding === 'hex' ? bytes.toString('base64') : bytes.toString('hex');
          expect(parseSignatureHeader(`${prefix}${other}`, format)).toBeUndefined();
        },
      ),
    );
  });

  it('verifies what was signed and refuses any single-bit change of the body', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 512 }),
        fc.string({ minLength: 1 }),
        fc.nat(),
        (raw, secret, at) => {
          const signed = Buffer.from(raw);
          const header = `sha256=${createHmac('sha256', secret).update(signed).digest('hex')}`;
          expect(verifyMetaSignature(signed, header, [secret]).ok).toBe(true);
          const tampered = Buffer.from(signed);
          const index = at % tampered.length;
          tampered[index] = (tampered[index] as number) ^ 1;
          expect(verifyMetaSignature(tampered, header, [secret])).toEqual({ ok: false, reason: 'mismatch' });
        },
      ),
      { numRuns: 300 },
    );
  });
});
