import { displayNameFor } from '../account';
import type { SentimentLabel } from '../../../db/schema/listening';
import { DAY_MS, HOUR_MS } from './calendar';
import { draws } from './random';
import { sandboxPostIdFor } from '../store';

const PEOPLE = [
  'maya',
  'tom',
  'ines',
  'kofi',
  'lena',
  'raj',
  'sofia',
  'theo',
  'amara',
  'jonas',
  'yuki',
  'noah',
  'lucia',
  'omar',
  'clara',
  'felix',
  'priya',
  'sam',
  'hana',
  'leo',
  'zoe',
  'ivan',
  'nina',
  'ben',
];

const SAY: Record<SentimentLabel, string[]> = {
  positive: [
    'Loving the new scheduling view from {brand} {at}, saved me an hour this week.',
    'Shout-out to {at} support, fixed my issue in ten minutes.',
    'The {brand} tips thread was exactly what our team needed. Thanks {at}!',
    'Switched our agency to {brand} last month, no regrets so far {at}',
  ],
  neutral: [
    'Does anyone know if {brand} can post to several accounts at once? {at}',
    'Trying out {brand} for our club newsletter {at}',
    'Webinar by {at} on Thursday, anyone going?',
    'Comparing a few schedulers, {brand} is on the list {at}',
  ],
  negative: [
    'The {brand} app logged me out twice today {at}',
    'Not a fan of the new pricing {at}',
    'Waited two days for an answer from {at} support.',
  ],
};

/** The planted crisis: posts that went out twice and a slow answer, in a burst of angry mentions. */
export const CRISIS_TOPIC = 'Duplicate posts: scheduled posts went out twice';
const CRISIS_SAY = [
  '{at} every scheduled post of ours went out TWICE this morning. What is going on?',
  'Our followers are seeing duplicate posts, thanks {at}. Fix this.',
  '{brand} just posted our announcement two times. Embarrassing. {at}',
  'Is {brand} down? Duplicates everywhere and no word from {at}',
  'Third duplicate today. Cancelling {brand} if this is not fixed {at}',
  'Support is silent while {brand} double-posts for everyone {at}',
];

export interface PlannedMention {
  sandboxId: string;
  authorHandle: string;
  authorName: string;
  text: string;
  at: Date;
  label: SentimentLabel;
  score: number;
  inCrisis: boolean;
}

export interface MentionPlan {
  authors: { handle: string; displayName: string; timeZone: string; followers: number; createdAt: Date }[];
  mentions: PlannedMention[];
  crisis: { from: Date; to: Date } | null;
}

/**
 * Mentions of the brand by people on the Sandbox (public posts naming the main account):
 * about `perDay` a day, at waking hours, 45 % positive, 40 % neutral, 15 % negative, except in
 * the crisis window (36 hours, ending 8 days before `end`, or mid-history for short ones):
 * twelve times the rate and 85 % negative, about one topic.
 */
export function planMentions(options: {
  seed: string;
  tag: string;
  brand: string;
  mainHandle: string;
  perDay: number;
  start: Date;
  end: Date;
}): MentionPlan {
  const random = draws(options.seed, 'mentions');
  const authors = PEOPLE.map((name) => ({
    handle: `${name}.${options.tag}`,
    displayName: displayNameFor(name),
    timeZone: 'UTC',
    followers: 50 + random.int(0, 900),
    createdAt: new Date(options.start.getTime() - 400 * DAY_MS),
  }));
  if (options.perDay <= 0) return { authors: [], mentions: [], crisis: null };
  const span = options.end.getTime() - options.start.getTime();
  const crisisEnd =
    span > 30 * DAY_MS
      ? options.end.getTime() - 8 * DAY_MS
      : options.start.getTime() + span / 2 + 18 * HOUR_MS;
  // Starts at 07:00 UTC the day before: a morning, when a scheduling incident is noticed.
  const crisisFrom = Math.floor((crisisEnd - 36 * HOUR_MS) / DAY_MS) * DAY_MS + 7 * HOUR_MS;
  const crisis = { from: new Date(crisisFrom), to: new Date(crisisFrom + 36 * HOUR_MS) };
  const mentions: PlannedMention[] = [];
  const fill = (template: string) =>
    template.replaceAll('{brand}', options.brand).replaceAll('{at}', `@${options.mainHandle}`);
  const hourlyBase = options.perDay / 24;
  for (
    let hour = Math.ceil(options.start.getTime() / HOUR_MS);
    hour * HOUR_MS < options.end.getTime();
    hour += 1
  ) {
    const at = hour * HOUR_MS;
    const inCrisis = at >= crisis.from.getTime() && at < crisis.to.getTime();
    // Waking hours carry most mentions (UTC here: the brand's audience is spread over zones).
    const utcHour = ((hour % 24) + 24) % 24;
    const daytime = utcHour >= 7 && utcHour <= 22 ? 1.4 : 0.3;
    const expected = hourlyBase * daytime * (inCrisis ? 12 : 1);
    // Poisson by inversion (small means).
    let count = 0;
    for (let p = Math.exp(-expected), s = p, u = random.uniform(); u > s; count += 1) {
      p *= expected / (count + 1);
      s += p;
    }
    for (let k = 0; k < count; k += 1) {
      const roll = random.uniform();
      const label: SentimentLabel = inCrisis
        ? roll < 0.85
          ? 'negative'
          : 'neutral'
        : roll < 0.45
          ? 'positive'
          : roll < 0.85
            ? 'neutral'
            : 'negative';
      const author = random.pick(authors);
      const text = fill(inCrisis && label === 'negative' ? random.pick(CRISIS_SAY) : random.pick(SAY[label]));
      const score =
        label === 'positive'
          ? 0.4 + 0.5 * random.uniform()
          : label === 'negative'
            ? -0.4 - 0.55 * random.uniform()
            : -0.15 + 0.3 * random.uniform();
      const mentionedAt = new Date(at + random.int(0, 3_599) * 1000);
      if (mentionedAt >= options.end) continue;
      mentions.push({
        sandboxId: sandboxPostIdFor(author.handle, `history:${options.seed}:mention:${mentions.length}`),
        authorHandle: author.handle,
        authorName: author.displayName,
        text,
        at: mentionedAt,
        label,
        score: Math.round(score * 100) / 100,
        inCrisis,
      });
    }
  }
  return { authors, mentions, crisis };
}
