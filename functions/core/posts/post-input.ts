import type { PostContentType } from '../../db/schema';

/** One account a post goes to, with what it sends there instead of the post's defaults. */
export interface TargetInput {
  socialAccountId: string;
  content?: string | null;
  thread?: string[] | null;
  mediaIds?: string[] | null;
  firstComment?: string | null;
  options?: Record<string, unknown> | null;
}

/** A post as a person (or an agent) writes it; every field optional for an update. */
export interface PostInput {
  title?: string | null;
  content?: string;
  thread?: string[] | null;
  mediaIds?: string[];
  contentType?: PostContentType;
  timezone?: string;
  targets?: TargetInput[];
}

/** A new post: text and at least one target; the zone defaults to the author's. */
export type NewPostInput = PostInput & { content: string; targets: TargetInput[] };
