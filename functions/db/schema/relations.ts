import { relations } from 'drizzle-orm';
import { aiAgentTasks, aiAgents } from './ai-agents';
import { analytics } from './analytics';
import { invitations, organizationMembers } from './memberships';
import { media } from './media';
import { organizations } from './organizations';
import { postPlatforms, postTargetEvents, posts } from './posts';
import { socialAccounts } from './social-accounts';
import { users } from './users';

/**
 * Relations for drizzle's relational queries (`db.query.posts.findMany({ with: { targets: true } })`).
 * They add no SQL; the foreign keys live on the tables.
 */
export const organizationsRelations = relations(organizations, ({ many }) => ({
  members: many(organizationMembers),
  invitations: many(invitations),
  socialAccounts: many(socialAccounts),
  posts: many(posts),
}));

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(organizationMembers),
}));

export const organizationMembersRelations = relations(organizationMembers, ({ one }) => ({
  organization: one(organizations, {
    fields: [organizationMembers.organizationId],
    references: [organizations.id],
  }),
  user: one(users, { fields: [organizationMembers.userId], references: [users.id] }),
}));

export const invitationsRelations = relations(invitations, ({ one }) => ({
  organization: one(organizations, { fields: [invitations.organizationId], references: [organizations.id] }),
}));

export const socialAccountsRelations = relations(socialAccounts, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [socialAccounts.organizationId],
    references: [organizations.id],
  }),
  targets: many(postPlatforms),
}));

export const postsRelations = relations(posts, ({ one, many }) => ({
  organization: one(organizations, { fields: [posts.organizationId], references: [organizations.id] }),
  author: one(users, { fields: [posts.userId], references: [users.id] }),
  targets: many(postPlatforms),
}));

export const postPlatformsRelations = relations(postPlatforms, ({ one, many }) => ({
  post: one(posts, { fields: [postPlatforms.postId], references: [posts.id] }),
  socialAccount: one(socialAccounts, {
    fields: [postPlatforms.socialAccountId],
    references: [socialAccounts.id],
  }),
  events: many(postTargetEvents),
  analytics: many(analytics),
}));

export const postTargetEventsRelations = relations(postTargetEvents, ({ one }) => ({
  target: one(postPlatforms, { fields: [postTargetEvents.postPlatformId], references: [postPlatforms.id] }),
}));

export const analyticsRelations = relations(analytics, ({ one }) => ({
  target: one(postPlatforms, { fields: [analytics.postPlatformId], references: [postPlatforms.id] }),
}));

export const aiAgentsRelations = relations(aiAgents, ({ many }) => ({
  tasks: many(aiAgentTasks),
}));

export const aiAgentTasksRelations = relations(aiAgentTasks, ({ one }) => ({
  agent: one(aiAgents, { fields: [aiAgentTasks.agentId], references: [aiAgents.id] }),
}));

export const mediaRelations = relations(media, ({ one }) => ({
  organization: one(organizations, { fields: [media.organizationId], references: [organizations.id] }),
}));
