import { and, eq, inArray } from 'drizzle-orm';
import { socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { InvalidInputError, type FieldIssue } from '../errors';
import { loadMedia } from '../publishing/drafts';
import type { TargetWithAccount } from './load-post';
import type { PostInput } from './post-input';

/** What a post's target shows of its account. */
export type ReferencedAccount = Pick<
  TargetWithAccount,
  'platform' | 'accountName' | 'accountHandle' | 'accountStatus'
>;

/**
 * Accounts and media must be the organization's own (and accounts still connected);
 * InvalidInputError otherwise, each issue under `field` (where the post sits in the caller's input).
 * Returns the accounts, by id.
 */
export async function assertReferences(
  tx: Transaction,
  organizationId: string,
  input: PostInput,
  field = 'body',
): Promise<Map<string, ReferencedAccount>> {
  const errors: FieldIssue[] = [];
  const accountIds = (input.targets ?? []).map((t) => t.socialAccountId);
  const mediaIds = [...(input.mediaIds ?? []), ...(input.targets ?? []).flatMap((t) => t.mediaIds ?? [])];
  // Both lookups in one round trip.
  const [accounts, media] = await Promise.all([
    accountIds.length === 0
      ? []
      : tx
          .select({
            id: socialAccounts.id,
            platform: socialAccounts.platform,
            accountName: socialAccounts.accountName,
            accountHandle: socialAccounts.accountHandle,
            accountStatus: socialAccounts.status,
          })
          .from(socialAccounts)
          .where(
            and(eq(socialAccounts.organizationId, organizationId), inArray(socialAccounts.id, accountIds)),
          ),
    loadMedia(tx, organizationId, mediaIds),
  ]);
  const found = new Map(accounts.map(({ id, ...account }) => [id, account]));
  accountIds.forEach((id, index) => {
    const account = found.get(id);
    if (!account)
      errors.push({
        field: `${field}.targets.${index}.socialAccountId`,
        message: 'No such connected account',
      });
    else if (account.accountStatus === 'disconnected')
      errors.push({
        field: `${field}.targets.${index}.socialAccountId`,
        message: 'This account is disconnected',
      });
  });
  for (const id of new Set(mediaIds))
    if (!media.has(id))
      errors.push({
        field: `${field}.mediaIds`,
        message: `No such media, or its upload was not accepted: ${id}`,
      });
  if (errors.length > 0) throw new InvalidInputError('Some references are invalid; see `errors`.', errors);
  return found;
}
