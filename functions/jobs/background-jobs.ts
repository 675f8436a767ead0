import type { Container } from '../adapters/container';
import { exportUserData } from './export-user-data';

export type BackgroundJob = (message: { type: string } & Record<string, unknown>, container: Container) => Promise<void>;

/**
 * Background job implementations by message type. Publishing adds `sync-social-account`,
 * analytics adds `generate-report`.
 */
export const BACKGROUND_JOBS: Readonly<Record<string, BackgroundJob>> = {
  'export-user-data': exportUserData,
};
