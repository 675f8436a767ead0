import type { RouteContract } from './contract';

/** Contracts of the media routes (publishing milestone). */
export const mediaContracts: Record<string, RouteContract> = {};
