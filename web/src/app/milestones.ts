/**
 * The parts of Plume still to come, named the same way on every page so the dashboard
 * tells one consistent story about what exists today and what is on its way.
 */
export const MILESTONES = {
  foundation: {
    name: 'Foundation',
    summary: 'The API, the local runtime, the AWS stack and this dashboard shell.',
  },
  identity: {
    name: 'Identity',
    summary: 'Sign-in, organizations, team roles, sessions and API keys.',
  },
  publishing: {
    name: 'Publishing',
    summary:
      'Connect social accounts, compose, schedule and publish, with a media library and in-app notifications.',
  },
  analytics: {
    name: 'Analytics',
    summary: 'Metrics synced from each network, audience and growth reports, exports, email alerts.',
  },
  agents: {
    name: 'AI agents',
    summary: 'Seven agents that write, time, predict, watch trends and competitors, and flag crises.',
  },
  billing: {
    name: 'Billing',
    summary: 'Plans, limits and usage, with Stripe Checkout and invoices.',
  },
  administration: {
    name: 'Administration',
    summary: 'Platform-wide statistics, users, organizations, audit logs and maintenance mode.',
  },
} as const;

export type MilestoneId = keyof typeof MILESTONES;
