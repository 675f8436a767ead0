import type { components } from '../api/schema.gen';

export type Platform = components['schemas']['Platform'];

/** Each network's name and colour in the dashboard (the colours are the networks' own). */
export const PLATFORM_LOOK: Record<Platform, { name: string; short: string; colour: string }> = {
  bluesky: { name: 'Bluesky', short: 'Bs', colour: '#1185fe' },
  mastodon: { name: 'Mastodon', short: 'Ma', colour: '#6364ff' },
  twitter: { name: 'X', short: 'X', colour: '#0f1419' },
  linkedin: { name: 'LinkedIn', short: 'in', colour: '#0a66c2' },
  facebook: { name: 'Facebook Page', short: 'f', colour: '#0866ff' },
  instagram: { name: 'Instagram', short: 'Ig', colour: '#e1306c' },
  threads: { name: 'Threads', short: '@', colour: '#000000' },
  tiktok: { name: 'TikTok', short: 'Tt', colour: '#010101' },
  sandbox: { name: 'Sandbox', short: 'Sb', colour: '#0d9488' },
};
