import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryKeyValue } from '../../../functions/adapters/local';
import { takePendingConnection } from '../../../functions/core/social-accounts/oauth-state';
import { platformClient } from '../../../functions/core/social-accounts/platform-clients';
import { socialAccountsContracts } from '../../../functions/shared/contracts/social-accounts';
import { PLATFORM_IDS } from '../../../functions/platforms/connector';

const connect = socialAccountsContracts.connectSocialAccount!.body!;
const update = socialAccountsContracts.updateSocialAccount!.body!;
const callbackQuery = socialAccountsContracts.completeSocialAccountConnection!.query!;

describe('social-accounts request parsers, fuzzed', () => {
  it('connect: accepts exactly a known platform with bounded optional strings', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            platform: fc.oneof(fc.constantFrom(...PLATFORM_IDS), fc.string()),
            serviceUrl: fc.oneof(fc.string({ maxLength: 300 }), fc.integer()),
            identifier: fc.string({ maxLength: 300 }),
            appPassword: fc.string({ maxLength: 300 }),
          },
          { requiredKeys: [] },
        ),
        (body) => {
          const parsed = connect.safeParse(body);
          const validPlatform = (PLATFORM_IDS as readonly unknown[]).includes(body.platform);
          if (!validPlatform) expect(parsed.success).toBe(false);
          if (parsed.success) {
            const value = parsed.data as Record<string, string | undefined>;
            for (const key of ['serviceUrl', 'identifier', 'appPassword']) {
              if (value[key] !== undefined) expect(value[key]!.length).toBeGreaterThan(0);
              if (value[key] !== undefined) expect(value[key]!.length).toBeLessThanOrEqual(255);
            }
          }
        },
      ),
    );
  });

  it('update: unknown keys are dropped, settings stay under 8 KB, a name is never blank', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null)),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (noise, name, settings) => {
          const parsed = update.safeParse({ noise, name, defaultSettings: settings });
          if (!parsed.success) return;
          const value = parsed.data as { name?: string | null; defaultSettings?: object; noise?: unknown };
          expect(value.noise).toBeUndefined();
          if (typeof value.name === 'string') expect(value.name.trim().length).toBeGreaterThan(0);
          expect(JSON.stringify(value.defaultSettings).length).toBeLessThanOrEqual(8_192);
        },
      ),
    );
  });

  it('callback: any query either parses or is refused, and garbage states never reach the store', async () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 3000 })), (query) => {
        const parsed = callbackQuery.safeParse(query);
        if (parsed.success)
          expect(
            Object.keys(parsed.data).every((k) =>
              ['code', 'state', 'error', 'error_description'].includes(k),
            ),
          ).toBe(true);
      }),
    );
    const kv = new MemoryKeyValue({ now: () => new Date() });
    let reads = 0;
    const take = kv.take.bind(kv);
    kv.take = (async (pk: string, sk: string) => {
      reads += 1;
      return take(pk, sk);
    }) as typeof kv.take;
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((s) => !/^[A-Za-z0-9_-]{20,128}$/.test(s)),
        async (state) => {
          expect(await takePendingConnection(kv, state)).toBeUndefined();
        },
      ),
    );
    expect(reads).toBe(0);
  });

  it('platform apps: a network is configured only when every required setting is present', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLATFORM_IDS),
        fc.record(
          { clientId: fc.string(), clientSecret: fc.string(), appSecret: fc.string() },
          { requiredKeys: [] },
        ),
        (platform, entry) => {
          const found = platformClient({ [platform]: entry }, platform, 'https://plume.example');
          if (found.configured) {
            if (found.client) {
              expect(found.client.clientId).toBeTruthy();
              expect(found.client.redirectUri).toBe(
                `https://plume.example/api/social-accounts/callback/${platform}`,
              );
            }
          } else {
            expect(found.missing.length).toBeGreaterThan(0);
            for (const setting of found.missing) expect(setting.startsWith(`${platform}.`)).toBe(true);
          }
        },
      ),
    );
  });
});
