import type { AgentType } from './agent-types';

/** What a person sees of each agent: its name, what it does, and the work it takes. */
export interface AgentDescription {
  type: AgentType;
  name: string;
  description: string;
  /** The agent's SQS queue (one per agent; the orchestrator's steps go to their agents' queues). */
  queue:
    | 'agent-content-creator'
    | 'agent-trend-analyzer'
    | 'agent-engagement-optimizer'
    | 'agent-smart-scheduler'
    | 'agent-performance-tracker'
    | 'agent-competitor-monitor'
    | 'agent-crisis-manager'
    | 'jobs';
}

export const AGENT_CATALOG: Readonly<Record<AgentType, AgentDescription>> = {
  content_creator: {
    type: 'content_creator',
    name: 'Content creator',
    description:
      "Drafts posts per network in your organization's voice, from your best past posts, that pass each network's rules; improves a draft toward a goal; suggests hashtags.",
    queue: 'agent-content-creator',
  },
  trend_analyzer: {
    type: 'trend_analyzer',
    name: 'Trend analyzer',
    description:
      'Finds terms and hashtags that burst in your posts, your mentions and your competitors’ posts, ranked with the counts behind them.',
    queue: 'agent-trend-analyzer',
  },
  engagement_optimizer: {
    type: 'engagement_optimizer',
    name: 'Engagement predictor',
    description:
      "Predicts a draft's engagement from your own history, with an interval, the main factors and edits that would help, and says how accurate it has been.",
    queue: 'agent-engagement-optimizer',
  },
  smart_scheduler: {
    type: 'smart_scheduler',
    name: 'Smart scheduler',
    description:
      "Finds each account's best times from its engagement by weekday and hour in your audience's zone, and places posts in them.",
    queue: 'agent-smart-scheduler',
  },
  performance_tracker: {
    type: 'performance_tracker',
    name: 'Performance tracker',
    description:
      "Watches each account's figures for unusual rises and falls, allowing for the week's rhythm, and alerts.",
    queue: 'agent-performance-tracker',
  },
  competitor_monitor: {
    type: 'competitor_monitor',
    name: 'Competitor monitor',
    description:
      'Compares your cadence, engagement and share of voice with your tracked competitors, and their top posts.',
    queue: 'agent-competitor-monitor',
  },
  crisis_manager: {
    type: 'crisis_manager',
    name: 'Crisis manager',
    description:
      'Reads mentions for sentiment and sudden spikes, raises a crisis alert at once, and drafts responses for a person to approve.',
    queue: 'agent-crisis-manager',
  },
  workflow_orchestrator: {
    type: 'workflow_orchestrator',
    name: 'Workflow orchestrator',
    description: 'Runs named workflows that chain the agents, each step a task, resumable after a failure.',
    queue: 'jobs',
  },
};
