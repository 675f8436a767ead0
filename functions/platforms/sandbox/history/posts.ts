import type { SandboxPostSnapshot } from '../engagement-model';
import { followersOf, type PlannedAccount } from './accounts';
import { postText, type Topic } from './corpus';
import { carriesImage } from './images';
import { ordinaryPostId, viralPostId } from './post-ids';
import { draws, uuidFor } from './random';
import { postTimes } from './schedule';

export interface PlannedPost {
  account: PlannedAccount;
  /** The Plume post and its one target. */
  postId: string;
  targetId: string;
  /** What the Sandbox stored, as the model reads it. */
  sandbox: SandboxPostSnapshot & { handle: string };
  topic: Topic;
  hashtags: string[];
  /** The topic's card (images.ts) when the post carries a picture; the model reads it as one image. */
  image: Topic | null;
  viral: boolean;
}

export interface PostPlanOptions {
  organizationId: string;
  seed: string;
  brand: string;
  brandTag: string;
  start: Date;
  end: Date;
}

/** An account's published posts: times from its slots, texts from the corpus, ids chosen for their virality. */
export function planPosts(account: PlannedAccount, count: number, options: PostPlanOptions): PlannedPost[] {
  const random = draws(options.seed, `texts:${account.handle}`);
  const pictured = carriesImage(options.seed, account.handle);
  return postTimes(account, options.seed, options, count).map((publishedAt, i) => {
    const { text, topic, hashtags } = postText(random, options.brand, options.brandTag);
    const image = pictured() ? topic : null;
    const key = `${options.organizationId}:${options.seed}:${account.handle}:${i}`;
    return {
      account,
      postId: uuidFor(`post:${key}`),
      targetId: uuidFor(`target:${key}`),
      sandbox: {
        id: ordinaryPostId(account.handle, `${options.seed}:${i}`),
        kind: 'post',
        text,
        media: image ? [{ kind: 'image' }] : [],
        threadReplies: 0,
        publishedAt,
        followers: followersOf(account, publishedAt),
        timeZone: account.timeZone,
        handle: account.handle,
      },
      topic,
      hashtags,
      image,
      viral: false,
    };
  });
}

/** Turns the account's post nearest to `at` into the planted viral post (a new id far in the virality tail). */
export function plantViralPost(posts: PlannedPost[], at: Date, seed: string): PlannedPost | undefined {
  let nearest: PlannedPost | undefined;
  for (const post of posts) {
    const distance = Math.abs(post.sandbox.publishedAt.getTime() - at.getTime());
    if (!nearest || distance < Math.abs(nearest.sandbox.publishedAt.getTime() - at.getTime())) nearest = post;
  }
  if (!nearest) return undefined;
  nearest.sandbox.id = viralPostId(
    nearest.account.handle,
    `${seed}:${nearest.sandbox.publishedAt.toISOString()}`,
  );
  nearest.viral = true;
  return nearest;
}
