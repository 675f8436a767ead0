import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Env } from '../../config/env';
import type { SecretName, Secrets } from '../../core/ports';

/** Secrets that can safely be invented on a developer's machine (nobody else holds them). */
const GENERATED: Partial<Record<SecretName, () => string>> = {
  'jwt-signing-key': () => randomBytes(64).toString('base64url'),
  'stripe-webhook-secret': () => `whsec_local_${randomBytes(24).toString('base64url')}`,
  // No real network is configured locally until the developer adds credentials; the
  // Sandbox network needs none.
  'platform-apps': () => '{}',
};

/**
 * Local secrets: environment variables first, then `<dataDir>/secrets.json`. A missing
 * JWT signing key or local webhook secret is generated once and written back to the file
 * (0600), so sessions and signed links survive a restart. API keys are never invented.
 */
export class EnvSecrets implements Secrets {
  private readonly path: string;
  private file: Promise<Record<string, string>> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: Pick<
      Env,
      'ANTHROPIC_API_KEY' | 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'PLATFORM_APPS'
    >,
    dataDir: string,
  ) {
    this.path = join(dataDir, 'secrets.json');
  }

  async get(name: SecretName): Promise<string> {
    const fromEnv = this.fromEnv(name);
    if (fromEnv) return fromEnv;
    const stored = await this.readFile();
    const existing = stored[name];
    if (existing) return existing;
    const generate = GENERATED[name];
    if (!generate) {
      throw new Error(`Secret "${name}" is not set: put it in the environment or in ${this.path}`);
    }
    stored[name] = generate();
    const snapshot = JSON.stringify(stored, null, 2) + '\n';
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(this.path, snapshot, { mode: 0o600 });
    });
    await this.writing;
    return stored[name];
  }

  private fromEnv(name: SecretName): string | undefined {
    switch (name) {
      case 'anthropic-api-key':
        return this.env.ANTHROPIC_API_KEY;
      case 'stripe-secret-key':
        return this.env.STRIPE_SECRET_KEY;
      case 'stripe-webhook-secret':
        return this.env.STRIPE_WEBHOOK_SECRET;
      case 'platform-apps':
        return this.env.PLATFORM_APPS;
      case 'jwt-signing-key':
        return undefined;
    }
  }

  private readFile(): Promise<Record<string, string>> {
    this.file ??= readFile(this.path, 'utf8').then(
      (text) => JSON.parse(text) as Record<string, string>,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return {};
        throw error;
      },
    );
    return this.file;
  }
}
