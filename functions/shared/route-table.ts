/**
 * The one route table. It drives the CDK HTTP API routes (lib/http-api.ts), the local
 * server (functions/local), the OpenAPI document and the role tests. It holds data only
 * (no handler imports) so CDK synth and the dashboard can read it cheaply; each area's
 * Lambda entry (functions/http/areas/<area>.ts) maps route names to implementations.
 * Names, areas and access stay literal types (`RouteName`, `RouteNamesOf<Area>`, `AccessOf`),
 * which is what lets the compiler check contracts and operation maps against this table.
 */
export const ROLES = ['viewer', 'user', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call: nobody signed in, a member with at least this role, or a platform super-admin. */
export type Access = 'public' | Role | 'super-admin';

export const AREAS = [
  'system',
  'auth',
  'users',
  'organizations',
  'social-accounts',
  'posts',
  'ai-agents',
  'analytics',
  'media',
  'notifications',
  'webhooks',
  'integrations',
  'admin',
  'sandbox',
] as const;
export type Area = (typeof AREAS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Which credential a protected route accepts. `session` routes (the person's own identity,
 * members, invitations, API keys, platform administration) refuse API keys: a leaked key must
 * not be able to let someone in, lock someone out, or mint more keys.
 */
export type Credentials = 'session' | 'session-or-api-key';

/**
 * One route. The type parameters keep a route's name, area and access as literal types, so
 * `RouteName` below is the union of every name in the table and the compiler can check each
 * area's operation map and contracts against it (functions/http/operation.ts).
 */
export interface RouteDefinition<
  Name extends string = string,
  InArea extends Area = Area,
  Allowed extends Access = Access,
> {
  /** Stable operation name, also the OpenAPI operationId. */
  name: Name;
  method: HttpMethod;
  /** API Gateway style path parameters: `/api/posts/{id}`. */
  path: string;
  area: InArea;
  access: Allowed;
  /** Ignored on public routes, which take no credential. */
  credentials: Credentials;
  summary: string;
  /**
   * The operation only reads the database (and calls nothing outside it). Such a route runs in
   * a READ ONLY transaction, so a write fails loudly, and its signed-in caller's check can go
   * out in the same round trip as the operation's queries (functions/http/authenticate.ts).
   */
  readOnly?: true;
}

// `const` type parameters: `route('posts', 'GET', '/posts', 'listPosts', ...)` is typed
// RouteDefinition<'listPosts', 'posts', 'viewer'>, not a RouteDefinition of plain strings.
const route = <const Name extends string, const InArea extends Area, const Allowed extends Access>(
  area: InArea,
  method: HttpMethod,
  path: string,
  name: Name,
  access: Allowed,
  summary: string,
): RouteDefinition<Name, InArea, Allowed> => ({
  area,
  method,
  path: `/api${path}`,
  name,
  access,
  credentials: 'session-or-api-key',
  summary,
});

/** A route whose operation only reads the database (see `RouteDefinition.readOnly`). */
const readOnly = <R extends RouteDefinition>(definition: R): R => ({ ...definition, readOnly: true });

/** A route callable with a signed-in session only, never with an API key. */
const sessionRoute = <const Name extends string, const InArea extends Area, const Allowed extends Access>(
  area: InArea,
  method: HttpMethod,
  path: string,
  name: Name,
  access: Allowed,
  summary: string,
): RouteDefinition<Name, InArea, Allowed> => ({
  ...route(area, method, path, name, access, summary),
  credentials: 'session',
});

export const ROUTES = [
  // System
  route('system', 'GET', '/health', 'getHealth', 'public', 'Liveness and database reachability'),
  route('system', 'GET', '/openapi.json', 'getOpenApiDocument', 'public', 'This OpenAPI 3.1 document'),
  route('system', 'GET', '/docs', 'getApiReference', 'public', 'Browsable API reference'),

  // Authentication
  route('auth', 'POST', '/auth/register', 'register', 'public', 'Create an account and its organization'),
  route('auth', 'POST', '/auth/login', 'login', 'public', 'Sign in with email and password'),
  route('auth', 'POST', '/auth/logout', 'logout', 'public', 'End the current session'),
  route(
    'auth',
    'POST',
    '/auth/refresh',
    'refreshSession',
    'public',
    'Rotate the refresh token and issue an access token',
  ),
  route('auth', 'POST', '/auth/forgot-password', 'forgotPassword', 'public', 'Email a password reset link'),
  route(
    'auth',
    'POST',
    '/auth/reset-password',
    'resetPassword',
    'public',
    'Set a new password with a reset token',
  ),
  route('auth', 'POST', '/auth/verify-email', 'verifyEmail', 'public', 'Confirm an email address'),
  sessionRoute(
    'auth',
    'POST',
    '/auth/resend-verification',
    'resendVerification',
    'viewer',
    'Send the verification email again',
  ),
  sessionRoute(
    'auth',
    'POST',
    '/auth/ws-ticket',
    'createWebSocketTicket',
    'viewer',
    'Single-use ticket for the WebSocket connection',
  ),
  sessionRoute(
    'auth',
    'POST',
    '/auth/switch-organization',
    'switchOrganization',
    'viewer',
    'Act in another organization you belong to',
  ),

  // Users
  sessionRoute('users', 'GET', '/users/profile', 'getProfile', 'viewer', 'The signed-in user'),
  sessionRoute('users', 'PUT', '/users/profile', 'updateProfile', 'viewer', 'Update the signed-in user'),
  sessionRoute(
    'users',
    'DELETE',
    '/users/profile',
    'deleteAccount',
    'viewer',
    'Delete the account (GDPR erasure)',
  ),
  sessionRoute('users', 'GET', '/users/sessions', 'listSessions', 'viewer', 'Active sessions'),
  sessionRoute('users', 'DELETE', '/users/sessions/{id}', 'revokeSession', 'viewer', 'Revoke a session'),
  sessionRoute(
    'users',
    'POST',
    '/users/export-data',
    'requestDataExport',
    'viewer',
    'Request a GDPR data export',
  ),
  sessionRoute(
    'users',
    'GET',
    '/users/export-data/{id}',
    'getDataExport',
    'viewer',
    'Status and download link of an export',
  ),

  // Organizations
  route('organizations', 'GET', '/organizations', 'getOrganization', 'viewer', 'The current organization'),
  route('organizations', 'PUT', '/organizations', 'updateOrganization', 'admin', 'Update the organization'),
  sessionRoute(
    'organizations',
    'GET',
    '/organizations/members',
    'listMembers',
    'viewer',
    'Members and pending invitations',
  ),
  sessionRoute(
    'organizations',
    'POST',
    '/organizations/members/invite',
    'inviteMember',
    'admin',
    'Invite a member by email',
  ),
  sessionRoute(
    'organizations',
    'DELETE',
    '/organizations/members/{id}',
    'removeMember',
    'admin',
    'Remove a member',
  ),
  sessionRoute(
    'organizations',
    'PUT',
    '/organizations/members/{id}',
    'updateMemberRole',
    'admin',
    "Change a member's role",
  ),
  sessionRoute(
    'organizations',
    'DELETE',
    '/organizations/invitations/{id}',
    'revokeInvitation',
    'admin',
    'Revoke a pending invitation',
  ),
  route(
    'organizations',
    'GET',
    '/invitations/{token}',
    'getInvitation',
    'public',
    'What an invitation is for',
  ),
  route(
    'organizations',
    'POST',
    '/invitations/accept',
    'acceptInvitation',
    'public',
    'Accept an invitation (sign in or create the account)',
  ),
  sessionRoute('organizations', 'GET', '/api-keys', 'listApiKeys', 'admin', 'API keys of the organization'),
  sessionRoute(
    'organizations',
    'POST',
    '/api-keys',
    'createApiKey',
    'admin',
    'Create an API key (shown once)',
  ),
  sessionRoute('organizations', 'DELETE', '/api-keys/{id}', 'revokeApiKey', 'admin', 'Revoke an API key'),
  route(
    'organizations',
    'GET',
    '/organizations/subscription',
    'getSubscription',
    'viewer',
    'Plan, limits and usage',
  ),
  route(
    'organizations',
    'POST',
    '/organizations/subscription',
    'updateSubscription',
    'admin',
    'Change plan (Stripe Checkout)',
  ),

  // Social accounts
  route('social-accounts', 'GET', '/social-accounts', 'listSocialAccounts', 'viewer', 'Connected accounts'),
  route(
    'social-accounts',
    'POST',
    '/social-accounts/connect',
    'connectSocialAccount',
    'manager',
    'Start connecting an account',
  ),
  route(
    'social-accounts',
    'DELETE',
    '/social-accounts/{id}',
    'disconnectSocialAccount',
    'manager',
    'Disconnect an account',
  ),
  route(
    'social-accounts',
    'PUT',
    '/social-accounts/{id}',
    'updateSocialAccount',
    'manager',
    'Update account settings',
  ),
  route(
    'social-accounts',
    'POST',
    '/social-accounts/{id}/sync',
    'syncSocialAccount',
    'user',
    'Sync profile and metrics now',
  ),
  route(
    'social-accounts',
    'GET',
    '/social-accounts/{id}/insights',
    'getSocialAccountInsights',
    'viewer',
    'Account insights',
  ),
  // The network's consent page sends the browser back here; `state` ties it to who started it.
  route(
    'social-accounts',
    'GET',
    '/social-accounts/callback/{platform}',
    'completeSocialAccountConnection',
    'public',
    'OAuth redirect target: finish connecting an account',
  ),

  // Posts
  readOnly(route('posts', 'GET', '/posts', 'listPosts', 'viewer', 'Posts with filters')),
  route('posts', 'POST', '/posts', 'createPost', 'user', 'Create a post'),
  readOnly(
    route('posts', 'GET', '/posts/calendar', 'getCalendar', 'viewer', 'Calendar view of a date range'),
  ),
  route(
    'posts',
    'POST',
    '/posts/bulk-schedule',
    'bulkSchedulePosts',
    'user',
    'Schedule many posts (JSON or CSV)',
  ),
  readOnly(route('posts', 'GET', '/posts/{id}', 'getPost', 'viewer', 'One post with its targets')),
  route('posts', 'PUT', '/posts/{id}', 'updatePost', 'user', 'Update a post'),
  route('posts', 'DELETE', '/posts/{id}', 'deletePost', 'user', 'Delete a post'),
  route('posts', 'POST', '/posts/{id}/duplicate', 'duplicatePost', 'user', 'Copy a post as a new draft'),
  route('posts', 'POST', '/posts/{id}/schedule', 'schedulePost', 'user', 'Schedule a post'),
  route('posts', 'POST', '/posts/{id}/publish', 'publishPostNow', 'user', 'Publish a post now'),
  route('posts', 'GET', '/posts/{id}/preview', 'previewPost', 'viewer', 'Per-network preview'),
  // The approval flow. Who may approve is the organization's policy (core/posts/approval), so
  // the route admits users and the use-case refuses the roles the policy leaves out.
  route('posts', 'POST', '/posts/{id}/submit', 'submitPostForReview', 'user', 'Send a post for review'),
  route('posts', 'POST', '/posts/{id}/approve', 'approvePost', 'user', 'Approve a post in review'),
  route(
    'posts',
    'POST',
    '/posts/{id}/request-changes',
    'requestPostChanges',
    'user',
    'Ask for changes to a post in review',
  ),
  readOnly(
    route('posts', 'GET', '/posts/{id}/reviews', 'listPostReviews', 'viewer', "A post's review history and comments"),
  ),
  route('posts', 'POST', '/posts/{id}/comments', 'commentOnPost', 'user', 'Comment on a post'),

  // AI agents
  route('ai-agents', 'GET', '/ai-agents', 'listAgents', 'viewer', 'Available AI agents'),
  route('ai-agents', 'PUT', '/ai-agents/budget', 'setAgentBudget', 'admin', "Set the organization's AI budget"),
  route('ai-agents', 'PUT', '/ai-agents/{type}', 'configureAgent', 'manager', 'Configure an agent'),
  route('ai-agents', 'POST', '/ai-agents/content/generate', 'generateContent', 'user', 'Generate content'),
  route(
    'ai-agents',
    'POST',
    '/ai-agents/content/improve',
    'improveContent',
    'user',
    'Improve existing content',
  ),
  route('ai-agents', 'POST', '/ai-agents/hashtags/suggest', 'suggestHashtags', 'user', 'Suggest hashtags'),
  route('ai-agents', 'POST', '/ai-agents/trends/analyze', 'analyzeTrends', 'user', 'Analyze trends'),
  route(
    'ai-agents',
    'POST',
    '/ai-agents/schedule/optimize',
    'optimizeSchedule',
    'user',
    'Optimize the posting schedule',
  ),
  route(
    'ai-agents',
    'POST',
    '/ai-agents/engagement/predict',
    'predictEngagement',
    'user',
    'Predict engagement',
  ),
  route(
    'ai-agents',
    'POST',
    '/ai-agents/competitor/analyze',
    'analyzeCompetitors',
    'user',
    'Analyze competitors',
  ),
  route('ai-agents', 'GET', '/ai-agents/tasks', 'listAgentTasks', 'viewer', 'AI task history'),
  route('ai-agents', 'GET', '/ai-agents/tasks/{id}', 'getAgentTask', 'viewer', 'One AI task'),
  route('ai-agents', 'POST', '/ai-agents/tasks/{id}/cancel', 'cancelAgentTask', 'user', 'Cancel an AI task'),
  route(
    'ai-agents',
    'POST',
    '/ai-agents/tasks/{id}/drafts',
    'saveAgentTaskDrafts',
    'user',
    "Keep a content task's drafts as posts awaiting approval",
  ),
  readOnly(
    route(
      'ai-agents',
      'GET',
      '/ai-agents/alerts',
      'listAgentAlerts',
      'viewer',
      'Crisis and performance alerts',
    ),
  ),
  route(
    'ai-agents',
    'POST',
    '/ai-agents/alerts/{id}/acknowledge',
    'acknowledgeAgentAlert',
    'manager',
    'Acknowledge an alert',
  ),
  route(
    'ai-agents',
    'POST',
    '/ai-agents/alerts/{id}/resolve',
    'resolveAgentAlert',
    'manager',
    'Resolve an alert',
  ),
  readOnly(
    route('ai-agents', 'GET', '/ai-agents/mentions', 'listMentions', 'viewer', 'Mentions of the brand'),
  ),
  readOnly(
    route('ai-agents', 'GET', '/ai-agents/workflows', 'listAgentWorkflows', 'viewer', 'Named agent workflows'),
  ),
  route('ai-agents', 'POST', '/ai-agents/workflows/{name}', 'runAgentWorkflow', 'user', 'Run a named workflow'),
  route(
    'ai-agents',
    'POST',
    '/ai-agents/tasks/{id}/resume',
    'resumeAgentWorkflow',
    'user',
    'Resume a failed workflow',
  ),

  // Analytics
  route('analytics', 'GET', '/analytics/overview', 'getAnalyticsOverview', 'viewer', 'Dashboard overview'),
  route('analytics', 'GET', '/analytics/posts', 'getPostAnalytics', 'viewer', 'Post performance'),
  route('analytics', 'GET', '/analytics/audience', 'getAudienceAnalytics', 'viewer', 'Audience insights'),
  route(
    'analytics',
    'GET',
    '/analytics/engagement',
    'getEngagementAnalytics',
    'viewer',
    'Engagement metrics',
  ),
  route('analytics', 'GET', '/analytics/growth', 'getGrowthAnalytics', 'viewer', 'Growth analytics'),
  route(
    'analytics',
    'GET',
    '/analytics/competitors',
    'getCompetitorAnalytics',
    'viewer',
    'Competitor analysis',
  ),
  route(
    'analytics',
    'GET',
    '/analytics/competitors/accounts',
    'listCompetitors',
    'viewer',
    'Tracked competitor accounts',
  ),
  route(
    'analytics',
    'POST',
    '/analytics/competitors/accounts',
    'addCompetitor',
    'user',
    'Track a competitor account',
  ),
  route(
    'analytics',
    'DELETE',
    '/analytics/competitors/accounts/{id}',
    'removeCompetitor',
    'user',
    'Stop tracking a competitor',
  ),
  route('analytics', 'GET', '/analytics/trends', 'getTrendAnalytics', 'viewer', 'Trend analysis'),
  route(
    'analytics',
    'POST',
    '/analytics/reports/generate',
    'generateReport',
    'user',
    'Generate a custom report',
  ),
  route('analytics', 'GET', '/analytics/reports', 'listReports', 'viewer', 'Saved reports'),
  route(
    'analytics',
    'GET',
    '/analytics/reports/{id}/files/{format}',
    'downloadReportFile',
    'viewer',
    'Download a report file (redirect to an expiring link)',
  ),
  route(
    'analytics',
    'POST',
    '/analytics/report-schedules',
    'createReportSchedule',
    'user',
    'Schedule a weekly or monthly report',
  ),
  route(
    'analytics',
    'GET',
    '/analytics/report-schedules',
    'listReportSchedules',
    'viewer',
    'Report schedules',
  ),
  route(
    'analytics',
    'DELETE',
    '/analytics/report-schedules/{id}',
    'deleteReportSchedule',
    'user',
    'Stop a report schedule',
  ),
  route('analytics', 'GET', '/analytics/export', 'exportAnalytics', 'user', 'Export analytics data'),
  route(
    'analytics',
    'POST',
    '/analytics/exports',
    'requestAnalyticsExport',
    'user',
    'Make an analytics export in the background',
  ),

  // Media
  route('media', 'POST', '/media/upload', 'createMediaUpload', 'user', 'Start a direct browser upload'),
  route(
    'media',
    'POST',
    '/media/{id}/complete',
    'completeMediaUpload',
    'user',
    'Confirm a finished browser upload',
  ),
  route('media', 'GET', '/media', 'listMedia', 'viewer', 'Media library'),
  route('media', 'GET', '/media/storage-usage', 'getStorageUsage', 'viewer', 'Storage usage'),
  route('media', 'GET', '/media/{id}', 'getMedia', 'viewer', 'One media file with its usage'),
  route('media', 'DELETE', '/media/{id}', 'deleteMedia', 'user', 'Delete a media file'),
  route('media', 'PUT', '/media/{id}', 'updateMedia', 'user', 'Update media metadata'),
  route('media', 'POST', '/media/{id}/optimize', 'optimizeMedia', 'user', 'Make per-platform variants'),

  // Notifications
  route('notifications', 'GET', '/notifications', 'listNotifications', 'viewer', 'Notifications'),
  route(
    'notifications',
    'PUT',
    '/notifications/{id}/read',
    'markNotificationRead',
    'viewer',
    'Mark one as read',
  ),
  route(
    'notifications',
    'DELETE',
    '/notifications/{id}',
    'deleteNotification',
    'viewer',
    'Delete a notification',
  ),
  route(
    'notifications',
    'POST',
    '/notifications/mark-all-read',
    'markAllNotificationsRead',
    'viewer',
    'Mark all as read',
  ),
  route(
    'notifications',
    'GET',
    '/notifications/settings',
    'getNotificationSettings',
    'viewer',
    'Notification preferences',
  ),
  route(
    'notifications',
    'PUT',
    '/notifications/settings',
    'updateNotificationSettings',
    'viewer',
    'Update preferences',
  ),

  // Inbound webhooks (signature-verified, no user session)
  route('webhooks', 'POST', '/webhooks/stripe', 'receiveStripeWebhook', 'public', 'Stripe events'),
  route('webhooks', 'GET', '/webhooks/facebook', 'verifyFacebookWebhook', 'public', 'Meta hub challenge'),
  route('webhooks', 'POST', '/webhooks/facebook', 'receiveFacebookWebhook', 'public', 'Meta events'),
  route('webhooks', 'GET', '/webhooks/twitter', 'answerTwitterCrc', 'public', 'X CRC challenge'),
  route('webhooks', 'POST', '/webhooks/twitter', 'receiveTwitterWebhook', 'public', 'X events'),
  route(
    'webhooks',
    'GET',
    '/webhooks/linkedin',
    'answerLinkedInChallenge',
    'public',
    'LinkedIn endpoint validation',
  ),
  route('webhooks', 'POST', '/webhooks/linkedin', 'receiveLinkedInWebhook', 'public', 'LinkedIn events'),

  // Integrations
  route('integrations', 'GET', '/integrations', 'listIntegrations', 'viewer', 'Active integrations'),
  route(
    'integrations',
    'POST',
    '/integrations/{type}/connect',
    'connectIntegration',
    'admin',
    'Connect an integration',
  ),
  route(
    'integrations',
    'DELETE',
    '/integrations/{id}',
    'disconnectIntegration',
    'admin',
    'Disconnect an integration',
  ),
  route('integrations', 'POST', '/integrations/{id}/test', 'testIntegration', 'admin', 'Test an integration'),

  // Platform administration
  sessionRoute('admin', 'GET', '/admin/stats', 'getSystemStats', 'super-admin', 'System statistics'),
  sessionRoute('admin', 'GET', '/admin/users', 'listAllUsers', 'super-admin', 'All users'),
  sessionRoute(
    'admin',
    'GET',
    '/admin/organizations',
    'listAllOrganizations',
    'super-admin',
    'All organizations',
  ),
  sessionRoute('admin', 'GET', '/admin/audit-logs', 'listAuditLogs', 'super-admin', 'Audit logs'),
  sessionRoute('admin', 'GET', '/admin/system-health', 'getSystemHealth', 'super-admin', 'System health'),
  sessionRoute(
    'admin',
    'POST',
    '/admin/maintenance-mode',
    'setMaintenanceMode',
    'super-admin',
    'Toggle maintenance mode',
  ),

  // The built-in Sandbox network's public pages (functions/platforms/sandbox)
  route(
    'sandbox',
    'GET',
    '/sandbox/feed',
    'getSandboxFeed',
    'public',
    'Sandbox network feed page (HTML) with live engagement',
  ),
  route(
    'sandbox',
    'GET',
    '/sandbox/accounts/{handle}',
    'getSandboxAccount',
    'public',
    'A sandbox account with its recent posts and engagement',
  ),
] as const;

/** Any route of the table, with its literal name, area and access. */
export type Route = (typeof ROUTES)[number];

/** Every route name: an operation map or a contract keyed by anything else does not compile. */
export type RouteName = Route['name'];

/** The route names of one area: what its Lambda entry (functions/http/areas/<area>.ts) may map. */
export type RouteNamesOf<InArea extends Area> = Extract<Route, { area: InArea }>['name'];

/** Who may call a route, as a literal: `AccessOf<'getPost'>` is `'viewer'`. */
export type AccessOf<Name extends RouteName> = Extract<Route, { name: Name }>['access'];

/** `GET /api/posts/{id}` — the API Gateway route key. */
export const routeKey = (r: Pick<RouteDefinition, 'method' | 'path'>): string => `${r.method} ${r.path}`;

export const routesOfArea = (area: Area): Route[] => ROUTES.filter((r) => r.area === area);
