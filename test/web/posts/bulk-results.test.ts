import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../../web/src/api/problem';
import { runBulk, summariseBulk } from '../../../web/src/pages/posts/bulk-results';

const busy = new ApiProblem({
  status: 409,
  code: 'conflict',
  title: 'Conflict',
  detail: 'This post is being published right now; try again in a moment.',
});

describe('bulk action results', () => {
  it('reports every success when nothing failed', () => {
    const summary = summariseBulk('delete', [
      { postId: 'a', label: 'First', ok: true },
      { postId: 'b', label: 'Second', ok: true },
    ]);
    expect(summary).toEqual({
      tone: 'success',
      headline: 'Deleted 2 posts.',
      succeeded: ['a', 'b'],
      failures: [],
    });
    expect(summariseBulk('duplicate', [{ postId: 'a', label: 'First', ok: true }]).headline).toBe(
      'Duplicated 1 post.',
    );
  });

  it('keeps the successes and says why each failure was refused, in the API’s words', () => {
    const summary = summariseBulk('delete', [
      { postId: 'a', label: 'First', ok: true },
      { postId: 'b', label: 'Second', ok: false, error: busy },
      { postId: 'c', label: 'Third', ok: true },
      {
        postId: 'd',
        label: 'Fourth',
        ok: false,
        error: new ApiProblem({ status: 404, code: 'not_found', title: 'Not found' }),
      },
    ]);
    expect(summary.tone).toBe('warning');
    expect(summary.headline).toBe('Deleted 2 posts; 2 posts could not be deleted.');
    expect(summary.succeeded).toEqual(['a', 'c']);
    expect(summary.failures).toEqual([
      {
        postId: 'b',
        label: 'Second',
        reason: 'This post is being published right now; try again in a moment.',
      },
      { postId: 'd', label: 'Fourth', reason: 'It no longer exists (deleted elsewhere?).' },
    ]);
  });

  it('says so when nothing succeeded, and words unknown errors plainly', () => {
    const one = summariseBulk('duplicate', [
      { postId: 'a', label: 'A', ok: false, error: new Error('boom') },
    ]);
    expect(one.tone).toBe('danger');
    expect(one.headline).toBe('No post was duplicated: it was refused.');
    expect(one.failures[0]?.reason).toBe('Something went wrong; try again.');
    const two = summariseBulk('delete', [
      { postId: 'a', label: 'A', ok: false, error: busy },
      { postId: 'b', label: 'B', ok: false, error: busy },
    ]);
    expect(two.headline).toBe('No post was deleted: all 2 were refused.');
  });

  it('runs every item and records each outcome without throwing', async () => {
    const outcomes = await runBulk(
      [
        { postId: 'a', label: 'A' },
        { postId: 'b', label: 'B' },
      ],
      async (id) => {
        if (id === 'b') throw busy;
        return id;
      },
    );
    expect(outcomes).toEqual([
      { postId: 'a', label: 'A', ok: true },
      { postId: 'b', label: 'B', ok: false, error: busy },
    ]);
  });
});
