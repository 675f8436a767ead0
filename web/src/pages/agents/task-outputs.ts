import type { Platform } from '../../publishing/platforms';
import type { AgentTask, AgentTaskType } from './agent-api';

/**
 * The parts of each task type's output the dashboard reads. The OpenAPI document types a
 * task's `output` as an open object (its shape is the task type's), so these mirror the
 * server's zod output schemas (functions/core/agents/**); test/e2e/agents.test.ts fails to
 * compile if the server's outputs stop fitting them.
 */
export interface DraftCheck {
  valid: boolean;
  issues: { code: string; message: string; severity: 'error' | 'warning' }[];
  bannedWords: string[];
}

export interface GenerateContentOutput {
  drafts: { platform: Platform; variant: number; text: string; hashtags: string[]; check: DraftCheck }[];
  explanation: string;
  /** No AI provider: the drafts are templates around the brief, not written by a model. */
  template: boolean;
  examples: { platform: Platform; text: string; lift: number }[];
  hashtagEvidence: { tag: string; posts: number; medianLift: number; relevance: number }[];
  promptVersion: string;
}

export interface ImproveContentOutput {
  platform: Platform;
  original: string;
  text: string;
  changes: string[];
  check: DraftCheck;
  template: boolean;
  promptVersion: string;
}

export interface SuggestHashtagsOutput {
  suggestions: {
    tag: string;
    source: 'history' | 'model';
    posts: number | null;
    medianLift: number | null;
    relevance: number | null;
  }[];
  note: string;
  promptVersion: string;
}

type TrendSources = { ownPosts: number; mentions: number; competitorPosts: number };

export interface TrendBurst {
  term: string;
  kind: 'hashtag' | 'word';
  countWindow: number;
  countBaseline: number;
  expected: number;
  growth: number | null;
  qValue: number;
  sources: TrendSources;
  counts: number[];
  firstSeen: string;
}

type Unsupported = { supported: false; reason: string };

export interface AnalyzeTrendsOutput {
  window: { from: string; to: string };
  baseline: { from: string; to: string };
  buckets: string[];
  texts: { window: TrendSources; baseline: TrendSources };
  bursts: TrendBurst[];
  tested: number;
  support: { supported: true } | Unsupported;
  backtest:
    | {
        supported: true;
        metric: string;
        model: number;
        baseline: number;
        improvement: number;
        n: { windows: number; modelFlags: number; baselineFlags: number };
      }
    | Unsupported;
  summary: string;
  template: boolean;
}

export type SlotBasis = 'posts' | 'posts and prior' | 'prior';

export interface RankedSlot {
  /** 0 = Sunday, in the audience's zone. */
  weekday: number;
  hour: number;
  label: string;
  multiplier: number;
  interval: { low: number; high: number };
  posts: number;
  basis: SlotBasis;
}

export type BestTimeBacktest =
  | {
      supported: true;
      metric: string;
      model: number;
      baseline: number;
      /** model / baseline - 1 */
      improvement: number;
      interval?: { low: number; high: number };
      n: { model: number; baseline: number; train: number; test: number };
      cut: string;
      k: number;
      modelSlots: string[];
      baselineSlots: string[];
    }
  | { supported: false; reason: string; n?: { train: number; test: number } };

export interface AccountBestTimes {
  accountId: string;
  platform: Platform;
  timeZone: string;
  supported: boolean;
  reason?: string;
  ranked: RankedSlot[];
  /** By weekday (0 = Sunday) then hour. */
  grid: { multiplier: number[][]; posts: number[][]; basis: SlotBasis[][] };
  evidence: { postsUsed: number; slotsWithPosts: number; prior: string };
  backtest: BestTimeBacktest;
}

export interface OptimizeScheduleOutput {
  accounts: AccountBestTimes[];
  plan: {
    planned: { draftId: string; socialAccountId: string; at: string; label: string; reason: string }[];
    unplaced: { draftId: string; socialAccountId: string; reason: string }[];
  } | null;
  applied: number;
  skipped: { postId: string; reason: string }[];
}

export interface PredictionFactor {
  factor: string;
  value: string;
  typical: string;
  multiplier: number;
  interval: [number, number];
  supported: boolean;
  percent: number;
  text: string;
}

export interface EditSuggestion {
  kind: string;
  text: string;
  gainPercent: number;
  gainInterval: [number, number];
}

export type EngagementBacktest =
  | {
      supported: true;
      cut: string;
      trainedOn: number;
      tested: number;
      metrics: {
        metric: 'mae' | 'mae_log' | 'spearman' | 'coverage_80';
        model: number | null;
        baseline: number | null;
        improvement: number | null;
        interval?: [number, number];
        n: number;
      }[];
    }
  | { supported: false; reason: string; cut: string; trainedOn: number; tested: number };

export interface PredictEngagementOutput {
  prediction:
    | {
        supported: true;
        basis: 'model' | 'priors';
        reason?: string;
        draft: { platform: Platform; plannedAt: string; timeZone: string };
        prediction: {
          engagement: number;
          interval: { low: number; high: number; level: number };
          baseline: { engagement: number; posts: number; source: string };
        };
        factors: PredictionFactor[];
        suggestions: EditSuggestion[];
        withheld: (EditSuggestion & { reason: string })[];
        evidence: { trainedOn: number };
        backtest: EngagementBacktest;
      }
    | { supported: false; reason: string; backtest: EngagementBacktest };
  plannedAt: string;
  timeZone: string;
  summary: string;
  template: boolean;
}

type Figures = {
  posts: number;
  postsPerWeek: number | null;
  engagement: number | null;
  engagementRateByFollowers: number | null;
  shareOfPosts: number | null;
  shareOfEngagement: number | null;
};

export interface AnalyzeCompetitorsOutput {
  from: string;
  to: string;
  parties: {
    kind: 'organization' | 'competitor';
    name: string | null;
    handle: string | null;
    platform: string | null;
    followers: number | null;
    current: Figures;
    topPosts: { text: string; url: string | null; engagement: number | null }[];
  }[];
  opportunities: { kind: string; message: string; evidence: Record<string, number | null> }[];
  explanation: string;
  template: boolean;
  supported: boolean;
  reason: string | null;
}

/** A workflow's record: each step's task and status, and the posts it kept (in review). */
export interface WorkflowOutput {
  steps: { key: string; taskType: AgentTaskType; taskId: string; status: AgentTask['status'] }[];
  drafts: { slot: number; postId: string; accountId: string; proposedAt: string | null }[] | null;
  summary: string;
}

export interface TaskOutputs {
  'content.generate': GenerateContentOutput;
  'content.improve': ImproveContentOutput;
  'hashtags.suggest': SuggestHashtagsOutput;
  'trends.analyze': AnalyzeTrendsOutput;
  'schedule.optimize': OptimizeScheduleOutput;
  'engagement.predict': PredictEngagementOutput;
  'competitors.analyze': AnalyzeCompetitorsOutput;
  'workflow.weekly_plan': WorkflowOutput;
}

/**
 * A completed task's output as its type's shape. The server validates every output with the
 * task type's zod schema before storing it, so the dashboard takes it as that shape.
 */
export function outputOf<Type extends AgentTaskType>(task: AgentTask, type: Type): TaskOutputs[Type] | null {
  if (task.taskType !== type || task.status !== 'completed' || !task.output) return null;
  return task.output as unknown as TaskOutputs[Type];
}
