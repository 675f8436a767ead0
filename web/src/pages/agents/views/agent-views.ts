/** The agents area's views, each a tab addressed by `?view=` (the overview has none). */
export const AGENT_VIEWS = [
  { view: 'overview', label: 'Agents' },
  { view: 'trends', label: 'Trends' },
  { view: 'competitors', label: 'Competitors' },
  { view: 'schedule', label: 'Best times' },
  { view: 'prediction', label: 'Prediction' },
  { view: 'crisis', label: 'Crisis' },
] as const;

export type AgentView = (typeof AGENT_VIEWS)[number]['view'];

export const isAgentView = (value: string | null): value is AgentView =>
  AGENT_VIEWS.some((entry) => entry.view === value);
