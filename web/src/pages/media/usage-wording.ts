import type { components } from '../../api/schema.gen';

export type MediaUsage = components['schemas']['MediaUsage'];

/** "Not used in any post", "Used in 1 post", "Used in 2 posts". */
export function usageSummary(usage: readonly MediaUsage[]): string {
  if (usage.length === 0) return 'Not used in any post';
  return `Used in ${usage.length} ${usage.length === 1 ? 'post' : 'posts'}`;
}

/** A post's name in a list: its title, else the start of its text. */
export function usageLabel(use: MediaUsage): string {
  const title = use.title?.trim();
  if (title) return title;
  const excerpt = use.excerpt.trim().replace(/\s+/g, ' ');
  if (!excerpt) return 'Untitled post';
  return excerpt.length > 60 ? `${excerpt.slice(0, 59)}…` : excerpt;
}

/**
 * Posts whose targets wait to go out (or are going out). The API refuses to delete a file
 * they use (409): they would fail at their hour.
 */
const BLOCKING_STATUSES: readonly string[] = ['scheduled', 'publishing', 'partially_published'];

export interface DeleteConsequences {
  /** Posts that may stop the delete: the API checks their targets. */
  blocking: MediaUsage[];
  /** Drafts, published and ended posts: they keep a reference to a missing file. */
  keeping: MediaUsage[];
}

export function deleteConsequences(usage: readonly MediaUsage[]): DeleteConsequences {
  return {
    blocking: usage.filter((use) => BLOCKING_STATUSES.includes(use.status)),
    keeping: usage.filter((use) => !BLOCKING_STATUSES.includes(use.status)),
  };
}

const posts = (count: number) => `${count} ${count === 1 ? 'post' : 'posts'}`;

/** What deleting does, in the API's own terms (see DELETE /media/{id}). */
export function deleteWarning(usage: readonly MediaUsage[]): string {
  const { blocking, keeping } = deleteConsequences(usage);
  if (usage.length === 0) {
    return 'No post uses this file. It and its optimized variants are deleted for good.';
  }
  const sentences: string[] = [];
  if (blocking.length > 0) {
    sentences.push(
      `${posts(blocking.length)} waiting to publish ${blocking.length === 1 ? 'uses' : 'use'} this file: Plume will refuse to delete it until you remove it from ${blocking.length === 1 ? 'that post' : 'those posts'} or cancel ${blocking.length === 1 ? 'it' : 'them'}.`,
    );
  }
  if (keeping.length > 0) {
    sentences.push(
      `${posts(keeping.length)} (drafts or already published) ${keeping.length === 1 ? 'keeps' : 'keep'} a reference to it; the composer will show the file as missing. What is already on a network stays there.`,
    );
  }
  sentences.push('The file and its optimized variants are deleted for good.');
  return sentences.join(' ');
}
