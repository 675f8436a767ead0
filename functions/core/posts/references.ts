import { and, eq, inArray } from 'drizzle-orm';
import { socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { InvalidInputError, type FieldIssue } from '../errors';
import { loadMedia } from '../publishing/drafts';
import type { PostInput } from './post-input';

/**
 * Accounts and media must be the organization's own (and accounts still connected);
 * InvalidInputError otherwise, each issue under `field` (where the post sits in the caller's input).
 */
export async function assertReferences(
  tx: Transaction,
  organizationId: string,
  input: PostInput,
  field = 'body',
): Promise<void> {
  const errors: FieldIssue[] = [];
  const accountIds = (input.targets ?? []).map((t) => t.socialAccountId);
  if (accountIds.length > 0) {
    const accounts = await tx
      .select({ id: socialAccounts.id, status: socialAccounts.status })
      .from(socialAccounts)
      .where(and(eq(socialAccounts.organizationId, organizationId), inArray(socialAccounts.id, accountIds)));
    const found = new Map(accounts.map((a) => [a.id, a.status]));
    accountIds.forEach((id, index) => {
      if (!found.has(id))
        errors.push({
          field: `${field}.targets.${index}.socialAccountId`,
          message: 'No such connected account',
        });
      else if (found.get(id) === 'disconnected')
        errors.push({
          field: `${field}.targets.${index}.socialAccountId`,
          message: 'This account is disconnected',
        });
    });
  }
  const mediaIds = [...(input.mediaIds ?? []), ...(input.targets ?? []).flatMap((t) => t.mediaIds ?? [])];
  const media = await loadMedia(tx, organizationId, mediaIds);
  for (const id of new Set(mediaIds))
    if (!media.has(id))
      errors.push({
        field: `${field}.mediaIds`,
        message: `No such media, or its upload was not accepted: ${id}`,
      });
  if (errors.length > 0) throw new InvalidInputError('Some references are invalid; see `errors`.', errors);
}
