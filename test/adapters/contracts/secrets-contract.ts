import { describe, expect, it } from 'vitest';
import type { SecretName, Secrets } from '../../../functions/core/ports';

/** Values every harness provides, each from its own source (env, file, Secrets Manager). */
export const CONFIGURED_SECRETS: Partial<Record<SecretName, string>> = {
  'anthropic-api-key': 'sk-ant-test',
  'stripe-secret-key': 'sk_test_123',
  'stripe-webhook-secret': 'whsec_123',
};

export function describeSecretsContract(
  name: string,
  create: () => Promise<Secrets> | Secrets,
  unconfigured: () => Promise<Secrets> | Secrets,
): void {
  describe(`Secrets contract: ${name}`, () => {
    it('returns each configured secret', async () => {
      const secrets = await create();
      for (const [secretName, value] of Object.entries(CONFIGURED_SECRETS)) {
        expect(await secrets.get(secretName as SecretName)).toBe(value);
      }
    });

    it('returns the same value on every read', async () => {
      const secrets = await create();
      const first = await secrets.get('jwt-signing-key');
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(await secrets.get('jwt-signing-key')).toBe(first);
    });

    it('fails clearly for an API key that is not configured', async () => {
      const secrets = await unconfigured();
      await expect(secrets.get('anthropic-api-key')).rejects.toThrow(/anthropic-api-key/);
    });
  });
}
