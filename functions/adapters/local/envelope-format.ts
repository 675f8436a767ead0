import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The at-rest ciphertext format shared by the KMS and the local crypto adapters:
 * `v1.<wrapped data key | "local">.<iv>.<tag>.<ciphertext>`, each part base64url. The
 * AES-256-GCM additional authenticated data binds the version, the key slot and the
 * canonical encryption context, so a ciphertext decrypts only with the same context
 * and its key slot cannot be swapped.
 */
export const ENVELOPE_VERSION = 'v1';
export const LOCAL_KEY_MARKER = 'local';

export interface Envelope {
  keySlot: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/** Context as JSON with sorted keys: `{b:1,a:2}` and `{a:2,b:1}` are the same context. */
export function canonicalContext(context: Record<string, string>): string {
  const sorted = Object.keys(context)
    .sort()
    .map((key) => [key, context[key]]);
  return JSON.stringify(sorted);
}

function additionalData(keySlot: string, context: Record<string, string>): Buffer {
  return Buffer.from(`${ENVELOPE_VERSION}.${keySlot}.${canonicalContext(context)}`, 'utf8');
}

export function seal(
  key: Buffer,
  keySlot: string,
  plaintext: string,
  context: Record<string, string>,
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(keySlot, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    ENVELOPE_VERSION,
    keySlot,
    iv.toString('base64url'),
    tag.toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.');
}

export function parseEnvelope(text: string): Envelope {
  const parts = text.split('.');
  const [version, keySlot, iv, tag, ciphertext] = parts;
  if (
    parts.length !== 5 ||
    version !== ENVELOPE_VERSION ||
    !keySlot ||
    !iv ||
    !tag ||
    ciphertext === undefined
  ) {
    throw new Error('Not a Plume v1 ciphertext');
  }
  return {
    keySlot,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
}

/** Throws when the key, the context or any byte of the envelope is wrong. */
export function open(key: Buffer, envelope: Envelope, context: Record<string, string>): string {
  if (envelope.iv.length !== 12 || envelope.tag.length !== 16) throw new Error('Malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, envelope.iv, { authTagLength: 16 });
  decipher.setAAD(additionalData(envelope.keySlot, context));
  decipher.setAuthTag(envelope.tag);
  try {
    return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('Decryption failed: wrong key or context, or the ciphertext was altered');
  }
}
