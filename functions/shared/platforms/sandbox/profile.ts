import { type PlatformProfile } from '../profile';
import { SANDBOX_GIF_TYPES, SANDBOX_IMAGE_TYPES, SANDBOX_LIMITS, SANDBOX_VIDEO_TYPES } from './limits';

/** The built-in Sandbox network: connect any handle at once, posts stay in Plume's own database. */
export const SANDBOX_PROFILE = {
  name: 'Sandbox',
  look: {
    badge: 'Sb',
    colour: '#0d9488',
    preview: { link: '#0d9488', mediaFirst: false, corners: 'xl', when: 'now' },
  },
  connect: { method: 'instant' },
  limits: SANDBOX_LIMITS,
  media: {
    imageTypes: [...SANDBOX_IMAGE_TYPES, ...SANDBOX_GIF_TYPES],
    videoTypes: SANDBOX_VIDEO_TYPES,
    namedInLibrary: false,
  },
  // Answers from Plume's own database: its slowest answer (`#slow`) waits one request timeout
  // (20 s by default), and what it stores is readable at once.
  publishing: { publishTimeoutMs: 25_000, lookupSettleMs: 0 },
  // The simulated network counts everything (video views only where an account posts videos).
  metrics: { source: 'Plume Sandbox (simulated network)', unavailable: {} },
  // Its audience model (functions/platforms/sandbox/account.ts) gives followers and their make-up.
  accountMetrics: {
    source: 'Plume Sandbox (simulated network)',
    unavailable: {},
    audience: {
      source: 'Plume Sandbox (simulated audience)',
      unavailable: {
        locale: 'The Sandbox audience model has no languages.',
        function: 'Job functions are a LinkedIn dimension.',
        seniority: 'Seniority is a LinkedIn dimension.',
        industry: 'Industries are a LinkedIn dimension.',
      },
    },
  },
} satisfies PlatformProfile;
