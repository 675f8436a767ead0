import { connectorContext, connectorFor } from '../../platforms/registry';
import { credentialsOf, ensureFreshCredentials, markNeedsReauth } from '../social-accounts/credentials';
import { publishingSeamOverrides, type PublishingSeams } from './seam-overrides';

export { setPublishingSeams, type PublishingSeams, type SocialAccount } from './seam-overrides';

const DEFAULT_SEAMS: PublishingSeams = {
  resolveConnector: (platform, container) => connectorFor(platform, connectorContext(container)),
  loadCredentials: async (container, account) =>
    ensureFreshCredentials(container, account, await credentialsOf(container.crypto, account)),
  markNeedsReauth: async (tx, accountId, reason, now) => {
    await markNeedsReauth(tx, accountId, reason, now);
  },
  random: Math.random,
};

let merged: { from: Readonly<Partial<PublishingSeams>>; seams: PublishingSeams } | undefined;

/** The publisher's seams: the production links, with whatever a test replaced. */
export function publishingSeams(): PublishingSeams {
  const overrides = publishingSeamOverrides();
  if (merged?.from !== overrides) merged = { from: overrides, seams: { ...DEFAULT_SEAMS, ...overrides } };
  return merged.seams;
}
