import { describe, expect, it } from 'vitest';
import { normalisePosts } from '../../../../functions/core/agents/best-time/normalise';
import { outcome } from './fixtures';

const zone = 'Europe/Paris';

describe('normalisePosts', () => {
  it('leaves out posts still growing or never measured, and says how many', () => {
    const { posts, excluded } = normalisePosts(
      [
        outcome({ local: '2026-04-06T09:10', timeZone: zone, engagement: 99 }),
        outcome({ local: '2026-04-07T09:10', timeZone: zone, engagement: 99, asOfDays: 1 }),
        outcome({ local: '2026-04-08T09:10', timeZone: zone, engagement: null }),
        outcome({ local: '2026-04-09T09:10', timeZone: zone, engagement: 5, asOfDays: null }),
      ],
      zone,
    );
    expect(posts).toHaveLength(1);
    expect(excluded).toEqual({ immature: 1, noFigures: 2, noFollowers: 0 });
    // ln((99 + 1) / 1000), Monday 09:00 = slot 1 * 24 + 9.
    expect(posts[0]!.value).toBeCloseTo(Math.log(0.1), 12);
    expect(posts[0]!.slot).toBe(33);
  });

  it('takes engagement per follower and clips a viral post to median + 3 robust sd', () => {
    const engagement = [99, 99, 99, 199, 49, 9999];
    const { posts, baseline } = normalisePosts(
      engagement.map((e, i) =>
        outcome({ local: `2026-04-${String(6 + i).padStart(2, '0')}T12:00`, timeZone: zone, engagement: e }),
      ),
      zone,
    );
    expect(baseline).toBe('followers');
    // ln of 0.1 x3, 0.2, 0.05, 10: median ln 0.1; MAD = median(0, 0, 0, ln 2, ln 2, ln 100) = ln(2)/2.
    const high = Math.log(0.1) + 3 * 1.4826 * (Math.log(2) / 2);
    const expected = [Math.log(0.1), Math.log(0.1), Math.log(0.1), Math.log(0.2), Math.log(0.05), high];
    posts.forEach((p, i) => expect(p.value).toBeCloseTo(expected[i]!, 12));
    expect(posts.map((p) => p.clipped)).toEqual([false, false, false, false, false, true]);
  });

  it('uses followers when 80 % of posts have a reading, leaving the others out', () => {
    const posts = [1, 2, 3, 4, 5].map((d) =>
      outcome({
        local: `2026-04-0${d}T12:00`,
        timeZone: zone,
        engagement: 10,
        followers: d === 5 ? null : 100,
      }),
    );
    const result = normalisePosts(posts, zone);
    expect(result.baseline).toBe('followers');
    expect(result.posts).toHaveLength(4);
    expect(result.excluded.noFollowers).toBe(1);
  });

  it("falls back to the median of the account's other posts when followers are missing", () => {
    const posts = [9, 19, 29].map((e, i) =>
      outcome({ local: `2026-04-0${i + 1}T12:00`, timeZone: zone, engagement: e, followers: null }),
    );
    const result = normalisePosts(posts, zone);
    expect(result.baseline).toBe('rolling-median');
    // Fewer than 5 posts within 30 days: each against the median of the others (+1 each).
    expect(result.posts.map((p) => p.value)).toEqual([
      Math.log(10 / 25),
      Math.log(20 / 20),
      Math.log(30 / 15),
    ]);
  });

  it('gives nothing for no posts and for one post keeps it unclipped', () => {
    expect(normalisePosts([], zone).posts).toEqual([]);
    const one = normalisePosts([outcome({ local: '2026-04-01T12:00', timeZone: zone, engagement: 0 })], zone);
    expect(one.posts[0]!.value).toBeCloseTo(Math.log(1 / 1000), 12);
    expect(one.posts[0]!.clipped).toBe(false);
  });
});
