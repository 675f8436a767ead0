import { createHash } from 'node:crypto';
import { seededUniforms } from '../seeded-random';

/**
 * The history's randomness: every draw comes from a stream named by the seed and what it is
 * for (`accounts`, `posts:<handle>`...), so adding a draw to one part never shifts another
 * part's numbers, and the same seed always writes the same history.
 */
export interface Draws {
  /** Uniform in (0, 1). */
  uniform(): number;
  /** Whole number in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Standard normal. */
  normal(): number;
  chance(probability: number): boolean;
}

export function draws(seed: string, purpose: string): Draws {
  const uniform = seededUniforms(`sandbox-history:${seed}:${purpose}`);
  const self: Draws = {
    uniform,
    int: (min, max) => min + Math.floor(uniform() * (max - min + 1)),
    pick: (items) => items[Math.floor(uniform() * items.length)] as (typeof items)[number],
    normal: () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()),
    chance: (probability) => uniform() < probability,
  };
  return self;
}

/** A UUID named by a key (version 8, as sandboxPostIdFor makes them): stable across runs. */
export function uuidFor(key: string): string {
  const hex = createHash('sha256').update(`sandbox-history:${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
