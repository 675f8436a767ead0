import type { RouteContract } from './contract';

/** Contracts of the posts routes (publishing milestone). */
export const postsContracts: Record<string, RouteContract> = {};
