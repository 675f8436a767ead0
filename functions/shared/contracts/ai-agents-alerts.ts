import * as z from 'zod';
import { AGENT_TYPES } from '../agents/agent-types';
import { NOTIFICATION_SEVERITIES } from '../enums';
import { PLATFORM_IDS } from '../platforms/catalog';
import { timestamp, uuidParam } from './common';

// The same lists as db/schema/listening.ts (contracts stay browser-safe and import no schema);
// test/http/ai-agents/alerts.test.ts checks they agree.
export const AGENT_ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export const MENTION_KINDS = ['mention', 'reply', 'comment', 'quote'] as const;
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;

/** What the watching agents raise: a crisis episode, a metric's anomaly, the weekly summary. */
export const AGENT_ALERT_KINDS = ['crisis', 'anomaly', 'summary'] as const;

export const agentAlert = z
  .object({
    id: z.uuid(),
    agentType: z.enum(AGENT_TYPES),
    kind: z.string().describe('`crisis` (crisis manager), `anomaly` or `summary` (performance tracker)'),
    severity: z.enum(NOTIFICATION_SEVERITIES),
    socialAccountId: z.uuid().nullable().describe('The account it is about; null for the whole brand'),
    title: z.string(),
    details: z
      .record(z.string(), z.unknown())
      .describe(
        'The evidence: for a crisis its level, the deciding window against the baseline and sample mentions; for an anomaly the metric, day, expected and observed',
      ),
    status: z.enum(AGENT_ALERT_STATUSES),
    startedAt: timestamp.describe('When the episode began (its evidence’s first hour or day)'),
    detectedAt: timestamp,
    acknowledgedBy: z.uuid().nullable(),
    acknowledgedAt: timestamp.nullable(),
    resolvedAt: timestamp.nullable(),
  })
  .meta({ id: 'AgentAlert' });

export const mention = z
  .object({
    id: z.uuid(),
    platform: z.enum(PLATFORM_IDS),
    socialAccountId: z.uuid().nullable(),
    kind: z.enum(MENTION_KINDS),
    externalId: z.string(),
    authorHandle: z.string().nullable(),
    authorName: z.string().nullable(),
    content: z.string(),
    url: z.string().nullable(),
    parentExternalId: z.string().nullable(),
    sentimentScore: z
      .number()
      .nullable()
      .describe('-1 (negative) to 1 (positive); null for a language the scorer cannot read'),
    sentimentLabel: z.enum(SENTIMENT_LABELS).nullable(),
    responsePostId: z.uuid().nullable().describe('The drafted answer, once one was written'),
    handledAt: timestamp.nullable(),
    mentionedAt: timestamp,
  })
  .meta({ id: 'Mention' });

const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

const alertErrors = {
  404: 'No such alert in this organization.',
  409: 'The alert is already resolved.',
};

/** The Crisis view's routes (the ai-agents area). */
export const agentAlertsContracts = {
  listAgentAlerts: {
    query: z
      .object({
        kind: z.enum(AGENT_ALERT_KINDS).optional(),
        status: z.enum(AGENT_ALERT_STATUSES).optional(),
        agentType: z.enum(AGENT_TYPES).optional(),
        ...paging,
      })
      .strict(),
    response: z
      .object({
        items: z.array(agentAlert).describe('Newest first'),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
      })
      .meta({ id: 'AgentAlertList' }),
  },
  acknowledgeAgentAlert: { params: uuidParam, response: agentAlert, errors: alertErrors },
  resolveAgentAlert: { params: uuidParam, response: agentAlert, errors: alertErrors },
  listMentions: {
    query: z
      .object({
        sentiment: z.enum(SENTIMENT_LABELS).optional(),
        kind: z.enum(MENTION_KINDS).optional(),
        socialAccountId: z.uuid().optional(),
        platform: z.enum(PLATFORM_IDS).optional(),
        ...paging,
      })
      .strict(),
    response: z
      .object({
        items: z.array(mention).describe('Newest first'),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
      })
      .meta({ id: 'MentionList' }),
  },
};
