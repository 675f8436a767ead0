import type { components } from '../../../web/src/api/schema.gen';
import { toComposerAccount, type ComposerAccount } from '../../../web/src/pages/compose/accounts';
import type { Platform } from '../../../web/src/publishing/platforms';

type SocialAccount = components['schemas']['SocialAccount'];
type LibraryMedia = components['schemas']['Media'];

let counter = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A SocialAccount as GET /social-accounts answers it. */
export function socialAccount(platform: Platform, overrides: Partial<SocialAccount> = {}): SocialAccount {
  counter += 1;
  return {
    id: uuid(counter),
    platform,
    platformName: platform,
    accountId: `acct-${counter}`,
    name: `${platform} ${counter}`,
    profileName: null,
    handle: `handle${counter}`,
    avatarUrl: null,
    profileUrl: null,
    serviceUrl: null,
    status: 'active',
    statusReason: null,
    isActive: true,
    scopes: [],
    tokenExpiresAt: null,
    defaultSettings: {},
    limits: null,
    quota: null,
    lastSync: null,
    lastSyncError: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export const account = (platform: Platform, overrides: Partial<SocialAccount> = {}): ComposerAccount =>
  toComposerAccount(socialAccount(platform, overrides));

export function libraryImage(overrides: Partial<LibraryMedia> = {}): LibraryMedia {
  counter += 1;
  return {
    id: uuid(1000 + counter),
    fileName: 'chart.png',
    mimeType: 'image/png',
    kind: 'image',
    sizeBytes: 120_000,
    width: 1200,
    height: 800,
    durationMs: null,
    altText: 'A chart',
    status: 'ready',
    url: 'http://localhost/media/chart.png',
    variants: {},
    networks: [],
    usage: [],
    uploadedBy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
