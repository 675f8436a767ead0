import { describe, expect, it } from 'vitest';
import {
  deleteConsequences,
  deleteWarning,
  usageLabel,
  usageSummary,
  type MediaUsage,
} from '../../../web/src/pages/media/usage-wording';

const use = (status: string, title: string | null = null, excerpt = 'Hello world'): MediaUsage => ({
  postId: crypto.randomUUID(),
  title,
  excerpt,
  status,
  scheduledAt: null,
});

describe('usage wording', () => {
  it('counts posts', () => {
    expect(usageSummary([])).toBe('Not used in any post');
    expect(usageSummary([use('draft')])).toBe('Used in 1 post');
    expect(usageSummary([use('draft'), use('published')])).toBe('Used in 2 posts');
  });

  it('names a post by its title, else the start of its text', () => {
    expect(usageLabel(use('draft', 'Launch day'))).toBe('Launch day');
    expect(usageLabel(use('draft', '  ', 'Our   new\nproduct'))).toBe('Our new product');
    expect(usageLabel(use('draft', null, 'x'.repeat(80)))).toBe(`${'x'.repeat(59)}…`);
    expect(usageLabel(use('draft', null, ''))).toBe('Untitled post');
  });
});

describe('what deleting does', () => {
  it('splits the posts that stop the delete from those that keep a missing reference', () => {
    const usage = [use('scheduled'), use('publishing'), use('draft'), use('published'), use('failed')];
    const { blocking, keeping } = deleteConsequences(usage);
    expect(blocking.map((u) => u.status)).toEqual(['scheduled', 'publishing']);
    expect(keeping.map((u) => u.status)).toEqual(['draft', 'published', 'failed']);
  });

  it('says a file no post uses is simply gone', () => {
    expect(deleteWarning([])).toBe(
      'No post uses this file. It and its optimized variants are deleted for good.',
    );
  });

  it('warns that a scheduled post blocks the delete', () => {
    const text = deleteWarning([use('scheduled')]);
    expect(text).toContain('1 post waiting to publish uses this file');
    expect(text).toContain('refuse to delete it until you remove it from that post or cancel it');
    expect(text).not.toContain('composer');
  });

  it('warns that drafts and published posts keep a reference shown as missing', () => {
    const text = deleteWarning([use('draft'), use('published'), use('scheduled'), use('scheduled')]);
    expect(text).toContain('2 posts waiting to publish use this file');
    expect(text).toContain('from those posts or cancel them');
    expect(text).toContain('2 posts (drafts or already published) keep a reference');
    expect(text).toContain('the composer will show the file as missing');
  });
});
