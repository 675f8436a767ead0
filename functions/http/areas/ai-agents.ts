import { aiAgentsContracts } from '../../shared/contracts/ai-agents';
import { createAreaHandler } from '../area-handler';
import { configureAgent, listAgents, setAgentBudget } from '../operations/ai-agents/agents';
import { taskOperation } from '../operations/ai-agents/request-task';
import { cancelAgentTask, getAgentTask, listAgentTasks } from '../operations/ai-agents/tasks';
import { acknowledgeAgentAlert, listAgentAlerts, resolveAgentAlert } from '../operations/ai-agents/alerts';
import { listMentions } from '../operations/ai-agents/mentions';
import { saveAgentTaskDrafts } from '../operations/ai-agents/drafts';
import { listAgentWorkflows, resumeAgentWorkflow, runAgentWorkflow } from '../operations/ai-agents/workflows';

// The agents, their settings and budget, one route per kind of task (each records the task
// and queues it for its agent), the task history, and the watching agents' alerts and mentions.
export const handler = createAreaHandler('ai-agents', aiAgentsContracts, {
  listAgents,
  configureAgent,
  setAgentBudget,
  generateContent: taskOperation('content.generate'),
  improveContent: taskOperation('content.improve'),
  suggestHashtags: taskOperation('hashtags.suggest'),
  analyzeCompetitors: taskOperation('competitors.analyze'),
  analyzeTrends: taskOperation('trends.analyze'),
  optimizeSchedule: taskOperation('schedule.optimize'),
  predictEngagement: taskOperation('engagement.predict'),
  listAgentTasks,
  getAgentTask,
  cancelAgentTask,
  saveAgentTaskDrafts,
  listAgentAlerts,
  acknowledgeAgentAlert,
  resolveAgentAlert,
  listMentions,
  listAgentWorkflows,
  runAgentWorkflow,
  resumeAgentWorkflow,
});
