import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Env } from '../../config/env';
import type { Clock, SecretName, Secrets } from '../../core/ports';

/** Where one named secret lives: a Secrets Manager secret, optionally one field of its JSON. */
export interface SecretSource {
  secretId: string;
  jsonField?: string;
}

/**
 * The sources CDK wires through env: plain-string secrets for the JWT key and the Anthropic
 * key, and one JSON secret `{"secretKey":"sk_…","webhookSecret":"whsec_…"}` for Stripe.
 */
export function secretSourcesFromEnv(env: Env): Partial<Record<SecretName, SecretSource>> {
  const sources: Partial<Record<SecretName, SecretSource>> = {};
  if (env.JWT_SECRET_ARN) sources['jwt-signing-key'] = { secretId: env.JWT_SECRET_ARN };
  if (env.ANTHROPIC_SECRET_ARN) sources['anthropic-api-key'] = { secretId: env.ANTHROPIC_SECRET_ARN };
  if (env.PLATFORM_APPS_SECRET_ARN) sources['platform-apps'] = { secretId: env.PLATFORM_APPS_SECRET_ARN };
  if (env.ORIGIN_VERIFY_SECRET_ARN) sources['origin-verify'] = { secretId: env.ORIGIN_VERIFY_SECRET_ARN };
  if (env.STRIPE_SECRET_ARN) {
    sources['stripe-secret-key'] = { secretId: env.STRIPE_SECRET_ARN, jsonField: 'secretKey' };
    sources['stripe-webhook-secret'] = { secretId: env.STRIPE_SECRET_ARN, jsonField: 'webhookSecret' };
  }
  return sources;
}

/** The value CDK (lib/app-secrets.ts) puts in secrets the operator must fill in. */
export const SECRET_PLACEHOLDER = 'REPLACE_ME';

interface CacheEntry {
  value: Promise<string>;
  fetchedAt: number;
}

/**
 * Secrets Manager reads, cached per process for `ttlMs` so a warm Lambda makes one call per
 * secret per TTL and still picks up a rotation within it. Concurrent first reads share one call.
 */
export class SecretsManagerSecrets implements Secrets {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly sources: Partial<Record<SecretName, SecretSource>>,
    private readonly clock: Clock,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async get(name: SecretName): Promise<string> {
    const source = this.sources[name];
    if (!source) throw new Error(`Secret "${name}" is not configured in this deployment`);
    const value = extract(name, source, await this.secretString(source.secretId));
    if (value === SECRET_PLACEHOLDER) {
      throw new Error(
        `Secret "${name}" still holds ${SECRET_PLACEHOLDER}: set the real value in Secrets Manager (${source.secretId})`,
      );
    }
    return value;
  }

  private secretString(secretId: string): Promise<string> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(secretId);
    if (cached && now - cached.fetchedAt < this.ttlMs) return cached.value;
    const value = (async () => {
      const result = await this.client.send(new GetSecretValueCommand({ SecretId: secretId }));
      if (!result.SecretString) throw new Error(`Secret ${secretId} has no string value`);
      return result.SecretString;
    })();
    this.cache.set(secretId, { value, fetchedAt: now });
    // A failed read is not cached: the next call tries again.
    value.catch(() => {
      if (this.cache.get(secretId)?.value === value) this.cache.delete(secretId);
    });
    return value;
  }
}

function extract(name: SecretName, source: SecretSource, raw: string): string {
  if (!source.jsonField) return raw;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`Secret "${name}" must be a JSON object with a "${source.jsonField}" field`);
  }
  const value = (parsed as Record<string, unknown> | null)?.[source.jsonField];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`Secret "${name}": field "${source.jsonField}" is missing or empty`);
  }
  return value;
}
