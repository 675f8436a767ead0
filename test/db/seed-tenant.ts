import { randomUUID } from 'node:crypto';
import type { Database } from '../../functions/db/client';
import {
  accountMetrics,
  aiAgentMemory,
  aiAgentTasks,
  aiAgents,
  analytics,
  apiKeys,
  auditLogs,
  audienceInsights,
  competitorPosts,
  competitorSnapshots,
  competitors,
  integrations,
  invitations,
  mailOutbox,
  media,
  mentions,
  postReviews,
  agentAlerts,
  notificationSettings,
  notifications,
  postPlatforms,
  postTargetEvents,
  posts,
  reportSchedules,
  reports,
  socialAccounts,
  usageCounters,
  webhookEvents,
} from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { createTestOrganization, type TestOrganization } from '../support/db';

export interface SeededTenant extends TestOrganization {
  postId: string;
  postPlatformId: string;
  socialAccountId: string;
  mediaId: string;
  /** Every tenant table this seed wrote at least one row of the organization into. */
  tables: string[];
}

/**
 * One organization with one row in every tenant table, written as plume_system. The isolation
 * suite checks that a tenant sees exactly its own rows in each of them, and fails if a tenant
 * table exists that this seed does not cover (so new tables get covered too).
 */
export async function seedTenant(db: Database): Promise<SeededTenant> {
  const org = await createTestOrganization(db);
  const organizationId = org.organizationId;
  const unique = randomUUID();
  return withSystem(db, async (tx) => {
    const [account] = await tx
      .insert(socialAccounts)
      .values({
        organizationId,
        userId: org.userId,
        platform: 'sandbox',
        accountId: `acct-${unique}`,
        accountHandle: '@test',
      })
      .returning({ id: socialAccounts.id });
    const [post] = await tx
      .insert(posts)
      .values({ organizationId, userId: org.userId, content: `secret of ${org.slug}` })
      .returning({ id: posts.id });
    if (!account || !post) throw new Error('seed failed');
    const [target] = await tx
      .insert(postPlatforms)
      .values({
        organizationId,
        postId: post.id,
        socialAccountId: account.id,
        status: 'scheduled',
        scheduledAt: new Date(),
      })
      .returning({ id: postPlatforms.id });
    if (!target) throw new Error('seed failed');
    await tx.insert(postTargetEvents).values({
      organizationId,
      postPlatformId: target.id,
      fromStatus: 'draft',
      toStatus: 'scheduled',
      reason: 'seed',
    });
    const [file] = await tx
      .insert(media)
      .values({
        organizationId,
        uploadedBy: org.userId,
        s3Key: `media/${unique}.png`,
        mimeType: 'image/png',
        sizeBytes: 42,
      })
      .returning({ id: media.id });
    if (!file) throw new Error('seed failed');
    await tx.insert(analytics).values({
      organizationId,
      postId: post.id,
      postPlatformId: target.id,
      socialAccountId: account.id,
      likesCount: 3,
    });
    await tx
      .insert(accountMetrics)
      .values({ organizationId, socialAccountId: account.id, dateBucket: '2026-01-01', followersCount: 10 });
    await tx
      .insert(reportSchedules)
      .values({
        organizationId,
        name: 'Weekly',
        frequency: 'weekly',
        nextRunAt: new Date(Date.UTC(2999, 0, 1)),
      });
    await tx
      .insert(audienceInsights)
      .values({ organizationId, socialAccountId: account.id, followersCount: 10 });
    await tx
      .insert(reports)
      .values({ organizationId, createdBy: org.userId, name: 'Weekly', reportType: 'overview' });
    const [agent] = await tx
      .insert(aiAgents)
      .values({ organizationId, agentType: 'content_creator', agentName: 'Writer' })
      .returning({ id: aiAgents.id });
    if (!agent) throw new Error('seed failed');
    await tx.insert(aiAgentTasks).values({
      organizationId,
      agentId: agent.id,
      agentType: 'content_creator',
      userId: org.userId,
      taskType: 'generate',
      inputData: { prompt: 'hello' },
    });
    await tx
      .insert(aiAgentMemory)
      .values({ organizationId, agentId: agent.id, memoryType: 'brand_voice', embedding: [0.1, 0.2, 0.3] });
    const [competitor] = await tx
      .insert(competitors)
      .values({ organizationId, platform: 'twitter', handle: `rival-${unique}` })
      .returning({ id: competitors.id });
    if (!competitor) throw new Error('seed failed');
    await tx
      .insert(competitorSnapshots)
      .values({ organizationId, competitorId: competitor.id, followersCount: 100 });
    await tx.insert(competitorPosts).values({
      organizationId,
      competitorId: competitor.id,
      externalId: `rival-post-${unique}`,
      text: 'hello',
      publishedAt: new Date(),
    });
    await tx.insert(mentions).values({
      organizationId,
      socialAccountId: account.id,
      platform: 'sandbox',
      externalId: `mention-${unique}`,
      content: 'love it',
      mentionedAt: new Date(),
    });
    await tx.insert(postReviews).values({
      organizationId,
      postId: post.id,
      userId: org.userId,
      action: 'commented',
      comment: 'looks good',
    });
    await tx.insert(agentAlerts).values({
      organizationId,
      agentType: 'crisis_manager',
      kind: 'crisis',
      dedupeKey: `crisis-${unique}`,
      title: 'Negative mentions spiking',
      startedAt: new Date(),
    });
    await tx.insert(integrations).values({ organizationId, integrationType: 'slack' });
    await tx.insert(webhookEvents).values({
      organizationId,
      source: 'sandbox',
      externalId: `event-${unique}`,
      eventType: 'test',
      eventData: { ok: true },
    });
    await tx
      .insert(notifications)
      .values({ organizationId, userId: org.userId, type: 'post.published', title: 'Published' });
    await tx
      .insert(notificationSettings)
      .values({ organizationId, userId: org.userId, preferences: { 'post.failed': { email: true } } });
    await tx.insert(auditLogs).values({
      organizationId,
      userId: org.userId,
      action: 'create',
      resourceType: 'post',
      resourceId: post.id,
    });
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organizationId,
        email: `invitee-${unique}@example.test`,
        role: 'viewer',
        tokenHash: `invite-${unique}`,
        expiresAt: new Date(Date.UTC(2999, 0, 1)),
      })
      .returning({ id: invitations.id });
    if (!invitation) throw new Error('seed failed');
    // Held back far into the future, so no test's mail job or sweep ever sends it.
    await tx.insert(mailOutbox).values({
      kind: 'invitation',
      invitationId: invitation.id,
      organizationId,
      nextAttemptAt: new Date(Date.UTC(2999, 0, 1)),
    });
    await tx.insert(apiKeys).values({
      organizationId,
      name: 'CI',
      prefix: unique.slice(0, 12),
      keyHash: `key-${unique}`,
      scopes: ['posts:read'],
    });
    await tx
      .insert(usageCounters)
      .values({ organizationId, metric: 'posts_published', periodStart: '2025-01-01', value: 1 });

    return {
      ...org,
      postId: post.id,
      postPlatformId: target.id,
      socialAccountId: account.id,
      mediaId: file.id,
      tables: [
        'organizations',
        'users',
        'organization_members',
        'invitations',
        'mail_outbox',
        'api_keys',
        'usage_counters',
        'social_accounts',
        'posts',
        'post_platforms',
        'post_target_events',
        'post_reviews',
        'media',
        'analytics',
        'account_metrics',
        // Written by the analytics insert trigger (migration 0007).
        'analytics_latest',
        'report_schedules',
        'audience_insights',
        'reports',
        'ai_agents',
        'ai_agent_tasks',
        'ai_agent_memory',
        'competitors',
        'competitor_snapshots',
        'competitor_posts',
        'mentions',
        'agent_alerts',
        'integrations',
        'webhook_events',
        'notifications',
        'notification_settings',
        'audit_logs',
      ],
    };
  });
}
