import type * as z from 'zod';
import type { Database } from '../../../db/client';
import type { Transaction } from '../../../db/tenant';
import type { Clock, Logger } from '../../ports';
import type { AgentMemory } from '../memory/agent-memory';
import type { AgentSettings } from './agent-settings';
import type { MeteredLlm } from './metered-llm';

/** What a task's work is given: its organization, its agent's settings, the model, and a way to report. */
export interface TaskContext {
  organizationId: string;
  userId: string | null;
  taskId: string;
  now: Date;
  settings: AgentSettings;
  llm: MeteredLlm;
  /** The organization's memory (embeddings are not metered: Titan costs $0.02 per million tokens). */
  memory: AgentMemory;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Runs `work` in a transaction of the task's organization (row-level security applies). */
  inTenant<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Records progress (0-100) and pushes it to the dashboard; rejects with TaskCancelled once cancelled. */
  progress(percent: number): Promise<void>;
  db: Database;
  clock: Clock;
}

/**
 * One kind of agent work: its input as stored on the task, its output as stored (both
 * validated), and the work. Every handler is a thin use of an agent's core: the numbers come
 * from data, the model only writes and explains.
 */
export interface TaskHandler<Input, Output> {
  input: z.ZodType<Input>;
  output: z.ZodType<Output>;
  run(context: TaskContext, input: Input): Promise<Output>;
}

/** Thrown when a person cancelled the task while it ran: it stops, keeping what it spent. */
export class TaskCancelled extends Error {
  constructor() {
    super('The task was cancelled.');
    this.name = 'TaskCancelled';
  }
}
