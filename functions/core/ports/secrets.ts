/** Named secrets (Secrets Manager in AWS; environment / local file locally). Cached per process. */
export interface Secrets {
  get(name: SecretName): Promise<string>;
}
export type SecretName =
  | 'jwt-signing-key'
  | 'anthropic-api-key'
  | 'stripe-secret-key'
  | 'stripe-webhook-secret'
  /** JSON: each social network's app credentials (functions/core/platform-apps.ts). */
  | 'platform-apps'
  /** JSON `{"current","previous"}`: the header value CloudFront adds to API requests (http/request-origin.ts). */
  | 'origin-verify';

/**
 * Envelope encryption for data at rest (OAuth tokens, integration secrets). The context
 * is bound as additional authenticated data: a ciphertext only decrypts with the same
 * context (e.g. the organization id), so rows cannot be swapped between tenants.
 */
export interface Crypto {
  encrypt(plaintext: string, context: Record<string, string>): Promise<string>;
  decrypt(ciphertext: string, context: Record<string, string>): Promise<string>;
}
