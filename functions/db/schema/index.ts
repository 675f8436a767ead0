/**
 * The whole database schema, one file per area. drizzle-kit reads this folder to generate
 * migrations (drizzle.config.ts); the client passes it to drizzle for typed queries.
 */
export * from './organizations';
export * from './users';
export * from './memberships';
export * from './api-keys';
export * from './social-accounts';
export * from './posts';
export * from './media';
export * from './analytics';
export * from './ai-agents';
export * from './listening';
export * from './integrations';
export * from './notifications';
export * from './mail-outbox';
export * from './compliance';
export * from './system';
export * from './sandbox';
