import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { Clock, Crypto } from '../../core/ports';
import { LOCAL_KEY_MARKER, canonicalContext, open, parseEnvelope, seal } from '../local/envelope-format';

export interface DataKeyCacheLimits {
  /** How long a plaintext data key may be reused (the AWS Encryption SDK's max age). */
  maxAgeMs: number;
  /** How many messages one data key may encrypt before a fresh one is generated. */
  maxMessages: number;
  /** How many distinct keys to keep (oldest dropped first). */
  maxEntries: number;
}

const DEFAULT_LIMITS: DataKeyCacheLimits = { maxAgeMs: 5 * 60_000, maxMessages: 1000, maxEntries: 100 };

interface CachedKey {
  key: Promise<{ plaintext: Buffer; wrapped: string }>;
  createdAt: number;
  uses: number;
}

/**
 * Envelope encryption: KMS generates (and later unwraps) an AES-256 data key under the
 * encryption context, and the data is sealed locally with AES-256-GCM with the same context
 * as AAD. Plaintext data keys are cached briefly, per context, like the AWS Encryption
 * SDK's caching materials manager, so bulk work does not make one KMS call per value.
 */
export class KmsEnvelopeCrypto implements Crypto {
  private readonly encryptionKeys = new Map<string, CachedKey>();
  private readonly decryptionKeys = new Map<string, CachedKey>();
  private readonly limits: DataKeyCacheLimits;

  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
    private readonly clock: Clock,
    limits: Partial<DataKeyCacheLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  async encrypt(plaintext: string, context: Record<string, string>): Promise<string> {
    const { plaintext: key, wrapped } = await this.cached(
      this.encryptionKeys,
      canonicalContext(context),
      () => this.generateDataKey(context),
    );
    return seal(key, wrapped, plaintext, context);
  }

  async decrypt(ciphertext: string, context: Record<string, string>): Promise<string> {
    const envelope = parseEnvelope(ciphertext);
    if (envelope.keySlot === LOCAL_KEY_MARKER) {
      throw new Error('This ciphertext was encrypted with a local key, not AWS KMS');
    }
    const cacheKey = `${envelope.keySlot}|${canonicalContext(context)}`;
    const { plaintext: key } = await this.cached(this.decryptionKeys, cacheKey, () =>
      this.unwrapDataKey(envelope.keySlot, context),
    );
    return open(key, envelope, context);
  }

  private async generateDataKey(
    context: Record<string, string>,
  ): Promise<{ plaintext: Buffer; wrapped: string }> {
    const result = await this.client.send(
      new GenerateDataKeyCommand({ KeyId: this.keyId, KeySpec: 'AES_256', EncryptionContext: context }),
    );
    if (!result.Plaintext || !result.CiphertextBlob) throw new Error('KMS GenerateDataKey returned no key');
    return {
      plaintext: Buffer.from(result.Plaintext),
      wrapped: Buffer.from(result.CiphertextBlob).toString('base64url'),
    };
  }

  private async unwrapDataKey(
    wrapped: string,
    context: Record<string, string>,
  ): Promise<{ plaintext: Buffer; wrapped: string }> {
    const result = await this.client.send(
      new DecryptCommand({
        KeyId: this.keyId,
        CiphertextBlob: Buffer.from(wrapped, 'base64url'),
        EncryptionContext: context,
      }),
    );
    if (!result.Plaintext) throw new Error('KMS Decrypt returned no key');
    return { plaintext: Buffer.from(result.Plaintext), wrapped };
  }

  private cached(
    cache: Map<string, CachedKey>,
    cacheKey: string,
    load: () => Promise<{ plaintext: Buffer; wrapped: string }>,
  ): Promise<{ plaintext: Buffer; wrapped: string }> {
    const now = this.clock.now().getTime();
    const entry = cache.get(cacheKey);
    if (entry && now - entry.createdAt < this.limits.maxAgeMs && entry.uses < this.limits.maxMessages) {
      entry.uses += 1;
      return entry.key;
    }
    const key = load();
    cache.delete(cacheKey);
    cache.set(cacheKey, { key, createdAt: now, uses: 1 });
    // A failed KMS call is not cached.
    key.catch(() => {
      if (cache.get(cacheKey)?.key === key) cache.delete(cacheKey);
    });
    while (cache.size > this.limits.maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return key;
  }
}
