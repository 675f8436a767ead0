import type { Draws } from './random';

/**
 * A small corpus of post templates by topic, enough for a history that reads like a brand's
 * feed: varied lengths, questions, links and hashtags (each of which the engagement model
 * reads: see ../README.md, "Content"). `{brand}`, `{place}`, `{n}` and `{day}` are filled in.
 */
export const TOPICS = {
  launch: {
    hashtags: ['#launch', '#newrelease', '#productupdate'],
    templates: [
      'It is here: the new {brand} planner is live for everyone. Tell us what you build with it.',
      'We shipped {n} small improvements this week. The favourite so far: faster exports.',
      'New in {brand}: shared calendars. Plan together, publish on time, no more spreadsheets.',
      'Big day for the team. Version {n} is out, with the feature you asked for most. Notes: https://example.com/changelog',
      'Which feature should we build next? Reply with your one wish for {brand}.',
    ],
  },
  tips: {
    hashtags: ['#tips', '#productivity', '#howto'],
    templates: [
      'Tip of the week: batch your writing on {day}, schedule it, and get your afternoons back.',
      '{n} habits of teams that publish consistently. Number three surprised us.',
      'Short posts travel further than you think. Try one sentence and one picture today.',
      'How do you keep your content calendar from slipping? We collected the best answers from {place}.',
      'A five-minute routine for Monday mornings: review last week, pick one idea, schedule it.',
    ],
  },
  behindTheScenes: {
    hashtags: ['#behindthescenes', '#team', '#culture'],
    templates: [
      'Behind the scenes in {place}: whiteboards, coffee and a lot of sticky notes.',
      'Meet the people who answer your messages. {n} of them, in four time zones.',
      'Our {day} ritual: demo everything we made this week, finished or not.',
      'What does a quiet {day} look like at {brand}? Mostly tea and code review.',
    ],
  },
  customer: {
    hashtags: ['#customerstory', '#community', '#casestudy'],
    templates: [
      'How a small bakery in {place} grew its audience by {n}% in one season. Their story: https://example.com/stories',
      'You told us, we listened: {n} of your suggestions made it into this month’s release.',
      'Shout-out to the {place} community meetup. {n} people, one long table, great ideas.',
      'What would you like to read more of here: stories, tips, or product news?',
    ],
  },
  event: {
    hashtags: ['#event', '#meetup', '#webinar'],
    templates: [
      'Join us live on {day} for a 30-minute walkthrough of planning a month of posts.',
      'We will be in {place} next week. Come say hello, the first {n} visitors get a notebook.',
      'Recording of yesterday’s webinar is up, with the slides and the questions we did not get to. https://example.com/webinar',
      'Are you coming to the {place} meetup? Tell us what you want us to talk about.',
    ],
  },
  sustainability: {
    hashtags: ['#sustainability', '#greentech', '#impact'],
    templates: [
      'Our servers in {place} now run on renewable power. Small step, long road.',
      'We measured it: {brand} uses {n}% less energy than a year ago. How we did it, in a short thread.',
      'What does a responsible social media team look like to you?',
    ],
  },
} as const;

export type Topic = keyof typeof TOPICS;
export const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

const PLACES = ['Lyon', 'Porto', 'Austin', 'Leeds', 'Kyoto', 'Ghent', 'Denver', 'Turin', 'Oslo', 'Perth'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export interface GeneratedText {
  text: string;
  topic: Topic;
  hashtags: string[];
}

/** One post's text: a template of the topic, filled, with 0 to 4 of the topic's and the brand's hashtags. */
export function postText(random: Draws, brand: string, brandTag: string, topic?: Topic): GeneratedText {
  const chosen = topic ?? random.pick(TOPIC_NAMES);
  const { templates, hashtags } = TOPICS[chosen];
  const body = random
    .pick(templates)
    .replaceAll('{brand}', brand)
    .replaceAll('{place}', random.pick(PLACES))
    .replaceAll('{day}', random.pick(DAYS))
    .replaceAll('{n}', String(random.int(3, 40)));
  const count = random.pick([0, 1, 1, 2, 2, 3, 4]);
  // Rotated by a drawn offset, so the brand's own tag is sometimes in and sometimes out.
  const pool = [brandTag, ...hashtags];
  const offset = random.int(0, pool.length - 1);
  const tags = [...pool.slice(offset), ...pool.slice(0, offset)].slice(0, count);
  return { text: tags.length > 0 ? `${body} ${tags.join(' ')}` : body, topic: chosen, hashtags: tags };
}
