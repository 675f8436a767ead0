import type { components } from '../api/schema.gen';
import { PLATFORM_IDS, platformProfile } from '../../../functions/shared/platforms/catalog';
import type { PlatformProfile } from '../../../functions/shared/platforms/profile';

export type Platform = components['schemas']['Platform'];

/** One network's name, badge and colour in the dashboard (the colours are the networks' own). */
export interface PlatformLook {
  name: string;
  short: string;
  colour: string;
}

/** How the composer's preview roughly presents a post on one network. */
export interface PreviewLook {
  link: string;
  mediaFirst: boolean;
  /** A Tailwind class, written out in full below so Tailwind keeps it. */
  frame: string;
  when: string;
}

const FRAMES: Record<PlatformProfile['look']['preview']['corners'], string> = {
  md: 'rounded-md',
  lg: 'rounded-lg',
  xl: 'rounded-xl',
  '2xl': 'rounded-2xl',
};

function byPlatform<T>(pick: (profile: PlatformProfile) => T): Record<Platform, T> {
  return Object.fromEntries(PLATFORM_IDS.map((id) => [id, pick(platformProfile(id))])) as Record<Platform, T>;
}

/** Each network's look, from its profile (functions/shared/platforms/<network>/profile.ts), in catalog order. */
export const PLATFORM_LOOK: Record<Platform, PlatformLook> = byPlatform(({ name, look }) => ({
  name,
  short: look.badge,
  colour: look.colour,
}));

export const PREVIEW_LOOK: Record<Platform, PreviewLook> = byPlatform(({ look: { preview } }) => ({
  link: preview.link,
  mediaFirst: preview.mediaFirst,
  frame: FRAMES[preview.corners],
  when: preview.when,
}));
