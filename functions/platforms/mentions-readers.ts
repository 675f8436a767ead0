import { blueskyMentionsReader } from './bluesky/mentions';
import { createRuntime as blueskyRuntime } from './bluesky/runtime';
import type { ConnectorContext, Platform } from './connector';
import { facebookEndpoints } from './facebook/endpoints';
import { facebookMentionsReader } from './facebook/mentions';
import { instagramEndpoints } from './instagram/endpoints';
import { instagramMentionsReader } from './instagram/mentions';
import { createRuntime as mastodonRuntime } from './mastodon/client';
import { mastodonMentionsReader } from './mastodon/mentions';
import type { ListenedNetwork, MentionsReader } from './mentions-reader';
import { platformSettings } from './registry';
import { sandboxMentionsReader } from './sandbox/mentions';
import { createSandboxRuntime } from './sandbox/runtime';
import { createRuntime as twitterRuntime } from './twitter/client';
import { twitterMentionsReader } from './twitter/mentions';

type Factory = (platform: Platform, base: ConnectorContext) => MentionsReader;

/** One reader per listened network (mentions-reader.ts lists them, and says why the others are not). */
const READERS: Record<ListenedNetwork, Factory> = {
  bluesky: (platform, base) => {
    const { context, options } = platformSettings(platform, base);
    return blueskyMentionsReader(blueskyRuntime(context, options.bluesky));
  },
  mastodon: (platform, base) => {
    const { context, options } = platformSettings(platform, base);
    return mastodonMentionsReader(mastodonRuntime(context, options.mastodon));
  },
  twitter: (platform, base) => {
    const { context, options } = platformSettings(platform, base);
    return twitterMentionsReader(twitterRuntime(context, options.twitter));
  },
  facebook: (platform, base) => {
    const { context } = platformSettings(platform, base);
    return facebookMentionsReader(context, facebookEndpoints(context));
  },
  instagram: (platform, base) => {
    const { context } = platformSettings(platform, base);
    return instagramMentionsReader(context, instagramEndpoints(context));
  },
  sandbox: (platform, base) => {
    const { context, options } = platformSettings(platform, base);
    return sandboxMentionsReader(createSandboxRuntime(context, options.sandbox));
  },
};

/** The reader of `platform`'s mentions, or undefined where Plume reads none. */
export function mentionsReaderFor(platform: Platform, context: ConnectorContext): MentionsReader | undefined {
  return (READERS as Partial<Record<Platform, Factory>>)[platform]?.(platform, context);
}
