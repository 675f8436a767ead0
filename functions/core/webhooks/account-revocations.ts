import type { Platform } from '../../platforms/connector';
import type { WebhookSource } from './webhook-event';

/** A sender saying that Plume's access to one of its accounts is gone. */
export interface AccountRevocation {
  /** Networks whose connections carry this platform account id. */
  platforms: readonly Platform[];
  /** The platform's own id of the account (`social_accounts.account_id`). */
  accountId: string;
  /** Shown to the user as the reason the account needs reconnecting. */
  reason: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asId = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;

/** One Meta app may serve Facebook Pages, Instagram and Threads connections. */
const META_PLATFORMS: readonly Platform[] = ['facebook', 'instagram', 'threads'];

/**
 * Meta `permissions` / `user` objects: a change whose value has `verb: "revoked"` means the
 * person removed a permission (or the whole app, field `connected`) for the entry's id.
 */
function metaRevocations(payload: Json): AccountRevocation[] {
  if (payload.object !== 'permissions' && payload.object !== 'user') return [];
  const found: AccountRevocation[] = [];
  for (const entry of Array.isArray(payload.entry) ? payload.entry : []) {
    if (!isObject(entry)) continue;
    const accountId = asId(entry.uid) ?? asId(entry.id);
    if (!accountId) continue;
    for (const change of Array.isArray(entry.changes) ? entry.changes : []) {
      if (!isObject(change) || !isObject(change.value) || change.value.verb !== 'revoked') continue;
      const field = typeof change.field === 'string' ? change.field : 'access';
      found.push({
        platforms: META_PLATFORMS,
        accountId,
        reason: `Meta reported that the ${field} permission was revoked. Reconnect the account to keep publishing.`,
      });
    }
  }
  return found;
}

/** X Account Activity: `user_event.revoke.source.user_id` revoked the app's access. */
function twitterRevocations(payload: Json): AccountRevocation[] {
  const revoke =
    isObject(payload.user_event) && isObject(payload.user_event.revoke)
      ? payload.user_event.revoke
      : undefined;
  const userId = revoke && isObject(revoke.source) ? asId(revoke.source.user_id) : undefined;
  if (!userId) return [];
  return [
    {
      platforms: ['twitter'],
      accountId: userId,
      reason: 'X reported that access to this account was revoked. Reconnect it to keep publishing.',
    },
  ];
}

/** Revocations announced by a verified payload; most events announce none. */
export function findAccountRevocations(source: WebhookSource, payload: unknown): AccountRevocation[] {
  if (!isObject(payload)) return [];
  switch (source) {
    case 'facebook':
      return metaRevocations(payload);
    case 'twitter':
      return twitterRevocations(payload);
    case 'linkedin':
      return [];
  }
}
