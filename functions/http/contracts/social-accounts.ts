import type { RouteContract } from './contract';

/** Contracts of the social-accounts routes (publishing milestone). */
export const socialAccountsContracts: Record<string, RouteContract> = {};
