import type { Container } from '../adapters/container';

export type BackgroundJob = (message: { type: string } & Record<string, unknown>, container: Container) => Promise<void>;

/**
 * Background job implementations by message type. Identity adds `export-user-data`,
 * publishing adds `sync-social-account`, analytics adds `generate-report`.
 */
export const BACKGROUND_JOBS: Readonly<Record<string, BackgroundJob>> = {};
