import { createRuntime as blueskyRuntime } from './bluesky/runtime';
import { blueskyCompetitorReader } from './bluesky/competitor';
import type { CompetitorReader } from './competitor-reader';
import type { ConnectorContext, Platform } from './connector';
import { instagramEndpoints } from './instagram/endpoints';
import { instagramCompetitorReader } from './instagram/competitor';
import { createRuntime as mastodonRuntime } from './mastodon/client';
import { mastodonCompetitorReader } from './mastodon/competitor';
import { platformSettings } from './registry';
import { createSandboxRuntime } from './sandbox/runtime';
import { sandboxCompetitorReader } from './sandbox/competitor';

type Factory = (platform: Platform, base: ConnectorContext) => CompetitorReader;

/** The networks whose competitors Plume can read (competitor-reader.ts says why the others cannot). */
const READERS: Partial<Record<Platform, Factory>> = {
  bluesky: (platform, base) => {
    const { context, options } = platformSettings(platform, base);
    return blueskyCompetitorReader(blueskyRuntime(context, options.bluesky));
  },
  mastodon: (platform, base) => {
    const { context, options } = platformSettings(platform, base);
    return mastodonCompetitorReader(mastodonRuntime(context, options.mastodon));
  },
  instagram: (platform, base) => {
    const { context } = platformSettings(platform, base);
    return instagramCompetitorReader(context, instagramEndpoints(context));
  },
  sandbox: (platform, base) => {
    const { context, options } = platformSettings(platform, base);
    return sandboxCompetitorReader(createSandboxRuntime(context, options.sandbox));
  },
};

/** The reader of `platform`'s competitors, or undefined where the network offers no public read. */
export function competitorReaderFor(
  platform: Platform,
  context: ConnectorContext,
): CompetitorReader | undefined {
  return READERS[platform]?.(platform, context);
}

/** Networks whose competitors can be tracked. */
export const TRACKABLE_COMPETITOR_NETWORKS = Object.keys(READERS) as Platform[];
