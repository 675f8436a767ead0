import type { RouteContract } from './contract';

/** Contracts of the webhooks routes (publishing milestone). */
export const webhooksContracts: Record<string, RouteContract> = {};
