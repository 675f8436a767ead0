import * as z from 'zod';
import {
  PlatformError,
  type AccountCredentials,
  type MediaItem,
  type PostDraft,
  type PublishedPost,
} from '../connector';
import { postThreadReplies } from '../thread-replies';
import { postWebUrl } from './at-uri';
import { detectFacets, type BlueskyFacet, type HandleCache } from './facets';
import { BLUESKY_LIMITS } from '../../shared/platforms/bluesky/limits';
import { aspectRatio, downloadMedia, uploadBlob } from './media';
import { readBlueskyOptions, type BlueskyPostOptions } from '../../shared/platforms/bluesky/options';
import { serviceOrigin, type BlueskyRuntime } from './runtime';
import { isBlueskyVideo, validateBlueskyDraft } from '../../shared/platforms/bluesky/validate';
import { uploadVideo } from './video';
import { readBody, xrpc } from './xrpc';

const strongRef = z.object({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });
type StrongRef = z.infer<typeof strongRef>;

type Embed = Record<string, unknown> & { $type: string };

/** The account's PDS, where its repository is written. */
export function accountPds(runtime: BlueskyRuntime, credentials: AccountCredentials): string {
  if (!credentials.serviceUrl) {
    throw new PlatformError('auth', 'Bluesky: the account has no server address; connect it again');
  }
  return serviceOrigin(runtime, credentials.serviceUrl);
}

/** Images go to the PDS as blobs; a video (or GIF) through the video service. One embed per post. */
async function buildEmbed(
  runtime: BlueskyRuntime,
  credentials: AccountCredentials,
  pds: string,
  media: MediaItem[],
): Promise<Embed | undefined> {
  const video = media.find(isBlueskyVideo);
  if (video) {
    const blob = await uploadVideo(runtime, credentials, pds, video);
    const embed: Embed = { $type: 'app.bsky.embed.video', video: blob };
    if (video.altText) embed.alt = video.altText;
    const ratio = aspectRatio(video);
    if (ratio) embed.aspectRatio = ratio;
    if (video.kind === 'gif') embed.presentation = 'gif';
    return embed;
  }
  if (media.length === 0) return undefined;
  const images = [];
  for (const item of media) {
    const bytes = await downloadMedia(runtime.context, item);
    const blob = await uploadBlob(runtime, pds, credentials.accessToken, item, bytes);
    const ratio = aspectRatio(item);
    // `alt` is required by the lexicon; an empty string means "no description".
    images.push({ image: blob, alt: item.altText ?? '', ...(ratio ? { aspectRatio: ratio } : {}) });
  }
  return { $type: 'app.bsky.embed.images', images };
}

interface PostInput {
  text: string;
  facets?: BlueskyFacet[];
  embed?: Embed;
  reply?: { root: StrongRef; parent: StrongRef };
  /** Content warnings describe the media, which only the first post carries. */
  labels?: BlueskyPostOptions['labels'];
  tags?: string[];
}

/** `com.atproto.repo.createRecord` of one `app.bsky.feed.post` (https://docs.bsky.app/docs/advanced-guides/posts). */
async function createPost(
  runtime: BlueskyRuntime,
  credentials: AccountCredentials,
  pds: string,
  input: PostInput,
  langs: string[] | undefined,
): Promise<StrongRef> {
  const record: Record<string, unknown> = {
    $type: 'app.bsky.feed.post',
    text: input.text,
    createdAt: runtime.context.clock.now().toISOString(),
  };
  if (input.facets) record.facets = input.facets;
  if (input.embed) record.embed = input.embed;
  if (input.reply) record.reply = input.reply;
  if (langs) record.langs = langs;
  if (input.labels) {
    record.labels = {
      $type: 'com.atproto.label.defs#selfLabels',
      values: input.labels.map((val) => ({ val })),
    };
  }
  if (input.tags) record.tags = input.tags;
  const action = input.reply ? 'publish the thread reply' : 'publish the post';
  const response = await xrpc(runtime, {
    method: 'POST',
    base: pds,
    nsid: 'com.atproto.repo.createRecord',
    token: credentials.accessToken,
    body: { repo: credentials.accountId, collection: 'app.bsky.feed.post', record },
    creates: true,
    action,
  });
  return readBody(strongRef, response, action, { creates: true });
}

/** Refuses a draft the PDS would reject, before anything is created (a half-posted thread is worse). */
function refuseInvalid(draft: PostDraft): void {
  const errors = validateBlueskyDraft(draft, BLUESKY_LIMITS).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    throw new PlatformError('permanent', `Bluesky: ${errors.map((issue) => issue.message).join(' ')}`, {
      platformCode: errors[0]?.code,
    });
  }
}

/**
 * Publishes a post, its media and its thread. Everything that may fail without consequence
 * (validation, media uploads, mention look-ups) happens before the first record is created;
 * replies then chain with `reply.root` = the first post and `reply.parent` = the previous one.
 * Once the first post exists, a failed reply ends the thread with a warning instead of an
 * error, because retrying the publish would post the first post twice.
 */
export async function publishToBluesky(
  runtime: BlueskyRuntime,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  refuseInvalid(draft);
  const pds = accountPds(runtime, credentials);
  const { options } = readBlueskyOptions(draft.options);
  const embed = await buildEmbed(runtime, credentials, pds, draft.media);
  const cache: HandleCache = new Map();
  const texts = [draft.text, ...(draft.thread ?? [])];
  const facets: (BlueskyFacet[] | undefined)[] = [];
  for (const text of texts) facets.push(await detectFacets(runtime, pds, text, cache));

  const root = await createPost(
    runtime,
    credentials,
    pds,
    { text: draft.text, facets: facets[0], embed, labels: options.labels, tags: options.tags },
    options.langs,
  );
  const replies = await postThreadReplies({
    first: root,
    replies: draft.thread ?? [],
    postReply: (text, index, parent) =>
      createPost(
        runtime,
        credentials,
        pds,
        { text, facets: facets[index + 1], reply: { root, parent } },
        options.langs,
      ),
    idOf: (post) => post.uri,
    logger: runtime.context.logger,
    failureLog: 'Bluesky thread reply failed after the first post was published',
    // A reply whose answer was lost may be live: say so rather than "was not posted".
    warning: ({ index, remaining, error }) => {
      const outcome = error.kind === 'unknown_outcome' ? 'may not have been posted' : 'was not posted';
      return `Reply ${index + 1} of the thread ${outcome}${remaining > 1 ? ` (the ${remaining - 1} after it were not)` : ''}: ${error.message}`;
    },
  });
  return { platformPostId: root.uri, url: postWebUrl(runtime.endpoints.web, root.uri), ...replies };
}
