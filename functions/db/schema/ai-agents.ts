import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  real,
  text,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';
import { users } from './users';

import { AGENT_TASK_STATUSES, AGENT_TYPES } from '../../shared/agents/agent-types';

export {
  AGENT_TASK_STATUSES,
  AGENT_TYPES,
  type AgentTaskStatus,
  type AgentType,
} from '../../shared/agents/agent-types';

/** An organization's configuration of one agent. */
export const aiAgents = pgTable(
  'ai_agents',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    agentType: text('agent_type', { enum: AGENT_TYPES }).notNull(),
    agentName: varchar('agent_name', { length: 255 }).notNull(),
    configuration: jsonb('configuration').$type<Record<string, unknown>>().notNull().default({}),
    isActive: boolean('is_active').notNull().default(true),
    tasksCompleted: integer('tasks_completed').notNull().default(0),
    successRate: numeric('success_rate', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    lastExecution: timestamptz('last_execution'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    checkIn('ai_agents_agent_type_check', t.agentType, AGENT_TYPES),
    index('ai_agents_organization_type_idx').on(t.organizationId, t.agentType),
  ],
);

/**
 * One agent run: recorded by the API (202), executed by the agent's SQS worker, which stores
 * output, tokens and cost and reports `progress` (0-100) over WebSocket.
 */
export const aiAgentTasks = pgTable(
  'ai_agent_tasks',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Null when the organization runs the agent with its defaults (no `ai_agents` row). */
    agentId: uuid('agent_id').references(() => aiAgents.id, { onDelete: 'cascade' }),
    agentType: text('agent_type', { enum: AGENT_TYPES }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set on the steps of an orchestrated workflow. */
    parentTaskId: uuid('parent_task_id').references((): AnyPgColumn => aiAgentTasks.id, {
      onDelete: 'set null',
    }),
    taskType: varchar('task_type', { length: 100 }).notNull(),
    inputData: jsonb('input_data').$type<Record<string, unknown>>().notNull(),
    outputData: jsonb('output_data'),
    status: text('status', { enum: AGENT_TASK_STATUSES }).notNull().default('pending'),
    progress: integer('progress').notNull().default(0),
    startedAt: timestamptz('started_at'),
    completedAt: timestamptz('completed_at'),
    executionTimeMs: integer('execution_time_ms'),
    errorMessage: text('error_message'),
    modelUsed: varchar('model_used', { length: 100 }),
    tokensUsed: integer('tokens_used'),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    costUsd: numeric('cost_usd', { precision: 10, scale: 4, mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    checkIn('ai_agent_tasks_agent_type_check', t.agentType, AGENT_TYPES),
    checkIn('ai_agent_tasks_status_check', t.status, AGENT_TASK_STATUSES),
    check('ai_agent_tasks_progress_check', sql`${t.progress} between 0 and 100`),
    index('ai_agent_tasks_organization_created_idx').on(t.organizationId, t.createdAt),
    index('ai_agent_tasks_agent_id_idx').on(t.agentId),
    index('ai_agent_tasks_user_id_idx').on(t.userId),
    index('ai_agent_tasks_parent_task_id_idx').on(t.parentTaskId),
  ],
);

/**
 * Agent memory (brand voice, best past posts...). DESIGN.md asks for pgvector, but pgvector
 * is not installed on the CI PostgreSQL 15 nor available in PGlite here, and the SQL must run
 * on both: embeddings are a plain `real[]` and similarity is computed in application code
 * (memories are per organization and few). A later migration can add a `vector` column and
 * an index where the extension exists.
 */
export const aiAgentMemory = pgTable(
  'ai_agent_memory',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').references(() => aiAgents.id, { onDelete: 'cascade' }),
    /** conversation | knowledge | preference | brand_voice | best_post ... */
    memoryType: varchar('memory_type', { length: 50 }).notNull(),
    contentSummary: text('content_summary'),
    vectorId: varchar('vector_id', { length: 255 }),
    embedding: real('embedding').array(),
    embeddingModel: text('embedding_model'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    /** 0..1, for pruning. */
    importanceScore: numeric('importance_score', { precision: 3, scale: 2, mode: 'number' }),
    createdAt: createdAt(),
    expiresAt: timestamptz('expires_at'),
  },
  (t) => [
    index('ai_agent_memory_organization_created_idx').on(t.organizationId, t.createdAt),
    index('ai_agent_memory_agent_id_idx').on(t.agentId),
  ],
);
