import type { Crypto } from '../../core/ports';
import { LOCAL_KEY_MARKER, open, parseEnvelope, seal } from './envelope-format';

/**
 * AES-256-GCM with the local key file (see `loadOrCreateLocalKey`); the same format and
 * context binding as `KmsEnvelopeCrypto`, with `local` in the key slot.
 */
export class LocalKeyCrypto implements Crypto {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('LocalKeyCrypto needs a 32-byte key');
  }

  async encrypt(plaintext: string, context: Record<string, string>): Promise<string> {
    return seal(this.key, LOCAL_KEY_MARKER, plaintext, context);
  }

  async decrypt(ciphertext: string, context: Record<string, string>): Promise<string> {
    const envelope = parseEnvelope(ciphertext);
    if (envelope.keySlot !== LOCAL_KEY_MARKER) {
      throw new Error('This ciphertext was encrypted with AWS KMS and cannot be decrypted locally');
    }
    return open(this.key, envelope, context);
  }
}
