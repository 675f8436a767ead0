import { accountData } from '../../../core/social-accounts/account-data';
import type { SocialAccountRow } from '../../../core/social-accounts/credentials';
import type { Connector, PlatformLimits } from '../../../platforms/connector';
import { isPlatform, platformProfile } from '../../../shared/platforms/catalog';

export function platformName(platform: string, connector?: Connector): string {
  return connector?.displayName ?? (isPlatform(platform) ? platformProfile(platform).name : platform);
}

function limitsSummary(limits: PlatformLimits | undefined) {
  if (!limits) return null;
  return {
    maxTextLength: limits.maxTextLength,
    textCounting: limits.textCounting,
    maxImages: limits.maxImages,
    maxVideos: limits.maxVideos,
    maxImageBytes: limits.maxImageBytes,
    maxVideoBytes: limits.maxVideoBytes,
    maxVideoDurationSeconds: limits.maxVideoDurationSeconds,
    supportsThreads: limits.supportsThreads,
    supportsFirstComment: limits.supportsFirstComment,
    requiresMedia: limits.requiresMedia,
  };
}

/** The public shape of an account: never a token, never an encrypted value. */
export function presentAccount(account: SocialAccountRow, connector: Connector | undefined) {
  const data = accountData(account.accountData);
  // Limits read from the platform at the last sync win over the configured ones.
  const configured = connector?.limits({
    accountId: account.accountId,
    accessToken: '',
    scopes: account.scopes,
    extra: data.extra,
  });
  const limits = configured ? { ...configured, ...data.limits } : data.limits;
  return {
    id: account.id,
    platform: account.platform,
    platformName: platformName(account.platform, connector),
    accountId: account.accountId,
    name: account.accountName,
    profileName: data.profileName ?? account.accountName,
    handle: account.accountHandle,
    avatarUrl: account.avatarUrl,
    profileUrl: account.profileUrl,
    serviceUrl: account.serviceUrl,
    status: account.status,
    statusReason: account.statusReason,
    isActive: account.isActive,
    scopes: account.scopes,
    tokenExpiresAt: account.tokenExpiresAt?.toISOString() ?? null,
    defaultSettings: data.defaultSettings ?? {},
    limits: limitsSummary(limits),
    quota: data.quota ?? null,
    lastSync: account.lastSync?.toISOString() ?? null,
    lastSyncError: data.lastSyncError?.message ?? null,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}
