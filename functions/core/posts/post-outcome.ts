import type { PostWithTargets } from './load-post';
import type { PostEffects } from './post-effects';

/** What a use-case that changes one post returns: the post as committed, and the work left for after the commit. */
export interface PostOutcome {
  post: PostWithTargets;
  effects: PostEffects;
}
