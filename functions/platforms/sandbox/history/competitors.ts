import { displayNameFor } from '../account';
import { audienceRhythm } from '../audience-rhythm';
import { sandboxPostIdFor } from '../store';
import { followersOf, type PlannedAccount } from './accounts';
import { postText } from './corpus';
import type { PlannedPost } from './posts';
import { draws } from './random';
import { postTimes } from './schedule';

const RIVALS = ['bluebird', 'northstar', 'quillity', 'lumen', 'harbor', 'orbital', 'fernway', 'kitehouse'];
const RIVAL_ZONES = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'America/Los_Angeles'];

export interface PlannedCompetitor {
  account: PlannedAccount;
  name: string;
  posts: PlannedPost['sandbox'][];
}

/**
 * Other brands on the Sandbox that the organization tracks: public accounts with their own
 * audiences and cadences (2 to 8 posts a week), posting from the same corpus under their own
 * name. Only the network's side is written (their sandbox accounts and posts) plus the
 * `competitors` rows; the competitor reader fills `competitor_posts` from the feed.
 */
export function planCompetitors(options: {
  seed: string;
  tag: string;
  count: number;
  start: Date;
  end: Date;
}): PlannedCompetitor[] {
  const random = draws(options.seed, 'competitors');
  const weeks = (options.end.getTime() - options.start.getTime()) / (7 * 86_400_000);
  return Array.from({ length: options.count }, (_, i) => {
    const word = RIVALS[i % RIVALS.length]!;
    const handle = `${word}${i >= RIVALS.length ? i : ''}.${options.tag}`;
    const postsPerWeek = random.int(2, 8);
    const rhythm = audienceRhythm(handle);
    const account: PlannedAccount = {
      index: i,
      handle,
      displayName: displayNameFor(word),
      city: '',
      timeZone: random.pick(RIVAL_ZONES),
      createdAt: new Date(options.start.getTime() - random.int(200, 900) * 86_400_000),
      followers: Math.round(3_000 * Math.exp(0.8 * random.normal())),
      rhythm,
      // Competitors post at varied daytime hours, their peak among them.
      slots: [
        { weekday: rhythm.peakWeekday, hour: rhythm.peakHour },
        ...Array.from({ length: 11 }, () => ({ weekday: random.int(0, 6), hour: random.int(8, 20) })),
      ],
      postsPerWeek,
    };
    const texts = draws(options.seed, `texts:${handle}`);
    const name = displayNameFor(word);
    const posts = postTimes(account, options.seed, options, Math.round(postsPerWeek * weeks)).map(
      (publishedAt, n) => ({
        id: sandboxPostIdFor(handle, `history:${options.seed}:${n}`),
        kind: 'post' as const,
        text: postText(texts, name, `#${word}`).text,
        media: [],
        threadReplies: 0,
        publishedAt,
        followers: followersOf(account, publishedAt),
        timeZone: account.timeZone,
        handle,
      }),
    );
    return { account, name, posts };
  });
}
