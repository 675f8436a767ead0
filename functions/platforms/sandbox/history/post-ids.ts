import { ENGAGEMENT_MODEL } from '../engagement-model';
import { meanOneLogNormal, seededNormals } from '../seeded-random';
import { sandboxPostIdFor } from '../store';

/**
 * The model draws a post's virality from its id (engagement-model.ts), so the history picks its
 * posts' ids: ordinary posts keep ids whose draw is within two standard deviations (95 % of
 * ids; the heavy tail is trimmed so the planted patterns are not drowned by chance hits), the
 * planted viral post gets one far out in the tail. Ids are made as the connector makes them for
 * an idempotency marker (sandboxPostIdFor), from the handle and a key.
 */
export const ORDINARY_VIRALITY_Z = 1.5;
export const VIRAL_Z = 4.2;

export function viralityDraw(id: string): number {
  return seededNormals(`sandbox-post:${id}`)();
}

export function viralityOf(id: string): number {
  return meanOneLogNormal(viralityDraw(id), ENGAGEMENT_MODEL.viralitySigma);
}

export const ORDINARY_VIRALITY_MAX = meanOneLogNormal(ORDINARY_VIRALITY_Z, ENGAGEMENT_MODEL.viralitySigma);

export function ordinaryPostId(handle: string, key: string): string {
  for (let attempt = 0; ; attempt += 1) {
    const id = sandboxPostIdFor(handle, `history:${key}:${attempt}`);
    if (Math.abs(viralityDraw(id)) <= ORDINARY_VIRALITY_Z) return id;
  }
}

/** About 75,000 tries on average (P(Z > 4.2) = 1.3e-5): a fraction of a second. */
export function viralPostId(handle: string, key: string): string {
  for (let attempt = 0; ; attempt += 1) {
    const id = sandboxPostIdFor(handle, `history:${key}:viral:${attempt}`);
    if (viralityDraw(id) >= VIRAL_Z) return id;
  }
}
