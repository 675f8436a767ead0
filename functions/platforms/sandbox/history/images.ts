import type { Topic } from './corpus';
import { encodePng, type Rgb } from './png';
import { draws } from './random';

/**
 * The pictures of a seeded history: one card per corpus topic, a disc on a plain ground in the
 * topic's own colours, so a posts table of mixed topics shows thumbnails that differ while the
 * organization's library holds only six files (a media row is one stored object however many
 * posts use it, so 20,000 posts cost six uploads, not 5,000).
 */
export const TOPIC_IMAGES: Readonly<Record<Topic, { ground: Rgb; disc: Rgb; altText: string }>> = {
  launch: {
    ground: [79, 70, 229],
    disc: [253, 224, 71],
    altText: 'A yellow disc on indigo: the launch card',
  },
  tips: { ground: [13, 148, 136], disc: [240, 253, 250], altText: 'A pale disc on teal: the tips card' },
  behindTheScenes: {
    ground: [234, 88, 12],
    disc: [255, 237, 213],
    altText: 'A cream disc on orange: the behind-the-scenes card',
  },
  customer: {
    ground: [190, 24, 93],
    disc: [252, 231, 243],
    altText: 'A pink disc on crimson: the customer story card',
  },
  event: { ground: [37, 99, 235], disc: [134, 239, 172], altText: 'A green disc on blue: the event card' },
  sustainability: {
    ground: [21, 128, 61],
    disc: [254, 249, 195],
    altText: 'A light disc on green: the sustainability card',
  },
};

/** Pixels a side: above the 40 px the posts table draws and the 44 pt of a report, so neither enlarges it. */
export const IMAGE_SIDE = 96;

/** Of an account's posts, about this share carries its topic's card (drawn per post, see `carriesImage`). */
export const IMAGE_SHARE = 0.25;

/** The card of a topic as PNG bytes: the same bytes every time. */
export function topicImagePng(topic: Topic): Uint8Array {
  const { ground, disc } = TOPIC_IMAGES[topic];
  const centre = (IMAGE_SIDE - 1) / 2;
  const radius = IMAGE_SIDE * 0.3;
  return encodePng(IMAGE_SIDE, IMAGE_SIDE, (x, y) =>
    (x - centre) ** 2 + (y - centre) ** 2 <= radius * radius ? disc : ground,
  );
}

/**
 * Which of an account's posts (in publication order) carry a picture: a stream of its own, so
 * the texts, times and ids drawn elsewhere do not move when this changes, and a draw per post
 * rather than every fourth one, so the pictures do not line up with the weekly slots (the
 * model lifts reach by 1.3 for a picture: lined up with a slot, they would bend its peak).
 */
export function carriesImage(seed: string, handle: string): () => boolean {
  const random = draws(seed, `images:${handle}`);
  return () => random.chance(IMAGE_SHARE);
}
