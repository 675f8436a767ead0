import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { ROLES, ROUTES, type Access, type Role } from '../../functions/http/route-table';
import type { TestClient } from '../support/http-client';
import { TestClient as Client } from '../support/http-client';
import { startIdentityRuntime } from '../support/identity-runtime';

/**
 * Who may call each route, declared here once and independently of the route table, so a
 * route added without a deliberate policy (or with a changed one) fails this suite.
 * `built: false` routes belong to later milestones: they answer 401/403 like built routes to
 * callers the policy refuses, and 501 only to callers it lets in.
 */
const EXPECTED: Record<string, { access: Access; built: boolean; anonymous?: 401 }> = {
  getHealth: { access: 'public', built: true },
  getOpenApiDocument: { access: 'public', built: true },
  getApiReference: { access: 'public', built: true },
  register: { access: 'public', built: true },
  login: { access: 'public', built: true },
  logout: { access: 'public', built: true },
  // Public, but it needs its own credential: the refresh cookie.
  refreshSession: { access: 'public', built: true, anonymous: 401 },
  forgotPassword: { access: 'public', built: true },
  resetPassword: { access: 'public', built: true },
  verifyEmail: { access: 'public', built: true },
  resendVerification: { access: 'viewer', built: true },
  createWebSocketTicket: { access: 'viewer', built: true },
  switchOrganization: { access: 'viewer', built: true },
  getProfile: { access: 'viewer', built: true },
  updateProfile: { access: 'viewer', built: true },
  deleteAccount: { access: 'viewer', built: true },
  listSessions: { access: 'viewer', built: true },
  revokeSession: { access: 'viewer', built: true },
  requestDataExport: { access: 'viewer', built: true },
  getDataExport: { access: 'viewer', built: true },
  getOrganization: { access: 'viewer', built: true },
  updateOrganization: { access: 'admin', built: true },
  listMembers: { access: 'viewer', built: true },
  inviteMember: { access: 'admin', built: true },
  removeMember: { access: 'admin', built: true },
  updateMemberRole: { access: 'admin', built: true },
  revokeInvitation: { access: 'admin', built: true },
  getInvitation: { access: 'public', built: true },
  acceptInvitation: { access: 'public', built: true },
  listApiKeys: { access: 'admin', built: true },
  createApiKey: { access: 'admin', built: true },
  revokeApiKey: { access: 'admin', built: true },
  getSubscription: { access: 'viewer', built: false },
  updateSubscription: { access: 'admin', built: false },
  listSocialAccounts: { access: 'viewer', built: true },
  connectSocialAccount: { access: 'manager', built: true },
  disconnectSocialAccount: { access: 'manager', built: true },
  updateSocialAccount: { access: 'manager', built: true },
  syncSocialAccount: { access: 'user', built: true },
  getSocialAccountInsights: { access: 'viewer', built: true },
  completeSocialAccountConnection: { access: 'public', built: true },
  listPosts: { access: 'viewer', built: true },
  createPost: { access: 'user', built: true },
  getCalendar: { access: 'viewer', built: true },
  bulkSchedulePosts: { access: 'user', built: true },
  getPost: { access: 'viewer', built: true },
  updatePost: { access: 'user', built: true },
  deletePost: { access: 'user', built: true },
  duplicatePost: { access: 'user', built: true },
  schedulePost: { access: 'user', built: true },
  publishPostNow: { access: 'user', built: true },
  previewPost: { access: 'viewer', built: true },
  listAgents: { access: 'viewer', built: false },
  generateContent: { access: 'user', built: false },
  improveContent: { access: 'user', built: false },
  suggestHashtags: { access: 'user', built: false },
  analyzeTrends: { access: 'user', built: false },
  optimizeSchedule: { access: 'user', built: false },
  predictEngagement: { access: 'user', built: false },
  analyzeCompetitors: { access: 'user', built: false },
  listAgentTasks: { access: 'viewer', built: false },
  getAgentTask: { access: 'viewer', built: false },
  getAnalyticsOverview: { access: 'viewer', built: false },
  getPostAnalytics: { access: 'viewer', built: false },
  getAudienceAnalytics: { access: 'viewer', built: false },
  getEngagementAnalytics: { access: 'viewer', built: false },
  getGrowthAnalytics: { access: 'viewer', built: false },
  getCompetitorAnalytics: { access: 'viewer', built: false },
  getTrendAnalytics: { access: 'viewer', built: false },
  generateReport: { access: 'user', built: false },
  listReports: { access: 'viewer', built: false },
  exportAnalytics: { access: 'user', built: false },
  createMediaUpload: { access: 'user', built: true },
  completeMediaUpload: { access: 'user', built: true },
  listMedia: { access: 'viewer', built: true },
  getMedia: { access: 'viewer', built: true },
  getStorageUsage: { access: 'viewer', built: true },
  deleteMedia: { access: 'user', built: true },
  updateMedia: { access: 'user', built: true },
  optimizeMedia: { access: 'user', built: true },
  listNotifications: { access: 'viewer', built: true },
  markNotificationRead: { access: 'viewer', built: true },
  deleteNotification: { access: 'viewer', built: true },
  markAllNotificationsRead: { access: 'viewer', built: true },
  getNotificationSettings: { access: 'viewer', built: true },
  updateNotificationSettings: { access: 'viewer', built: true },
  receiveStripeWebhook: { access: 'public', built: false },
  verifyFacebookWebhook: { access: 'public', built: true },
  receiveFacebookWebhook: { access: 'public', built: true },
  answerTwitterCrc: { access: 'public', built: true },
  receiveTwitterWebhook: { access: 'public', built: true },
  answerLinkedInChallenge: { access: 'public', built: true },
  receiveLinkedInWebhook: { access: 'public', built: true },
  listIntegrations: { access: 'viewer', built: false },
  connectIntegration: { access: 'admin', built: false },
  disconnectIntegration: { access: 'admin', built: false },
  testIntegration: { access: 'admin', built: false },
  getSystemStats: { access: 'super-admin', built: false },
  listAllUsers: { access: 'super-admin', built: false },
  listAllOrganizations: { access: 'super-admin', built: false },
  listAuditLogs: { access: 'super-admin', built: false },
  getSystemHealth: { access: 'super-admin', built: false },
  setMaintenanceMode: { access: 'super-admin', built: false },
  getSandboxFeed: { access: 'public', built: true },
  getSandboxAccount: { access: 'public', built: true },
};

type Caller = 'anonymous' | Role | 'otherOrgAdmin' | 'superAdminViewer';

/** The status a caller must get from a built route, or the class of statuses it may get. */
function expectedFor(access: Access, caller: Caller): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (access === 'super-admin') return caller === 'superAdminViewer' ? 'allowed' : 403;
  if (caller === 'otherOrgAdmin') return 'allowed'; // allowed in its own org; ids of others are 404 (below)
  const role: Role = caller === 'superAdminViewer' ? 'viewer' : caller;
  return ROLES.indexOf(role) >= ROLES.indexOf(access) ? 'allowed' : 403;
}

describe('route access matrix: every route, every role, another tenant', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  const callers = new Map<Caller, TestClient>();

  beforeAll(async () => {
    env = await startIdentityRuntime();
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    callers.set('admin', admin.client);
    for (const role of ['viewer', 'user', 'manager'] as const)
      callers.set(role, (await env.addMember(admin.client, role)).client);
    const superAdmin = await env.addMember(admin.client, 'viewer');
    await withSystem(env.runtime.container.db, (tx) =>
      tx.update(users).set({ isSuperAdmin: true }).where(eq(users.id, superAdmin.userId)),
    );
    callers.set('superAdminViewer', superAdmin.client);
    callers.set('otherOrgAdmin', (await env.signUp()).client);
    callers.set('anonymous', new Client(env.runtime.url));
    env.clock.advance(61_000); // fresh rate-limit windows for the matrix itself
  }, 120_000);
  afterAll(async () => env?.stop());

  it('declares an expectation for every route, and only for routes that exist', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(ROUTES.map((r) => r.name).sort());
    for (const route of ROUTES) expect(route.access, route.name).toBe(EXPECTED[route.name]!.access);
  });

  it('answers each caller as declared, never with a 5xx other than 501 for unbuilt routes to allowed callers', async () => {
    const failures: string[] = [];
    for (const route of ROUTES) {
      const { access, built } = EXPECTED[route.name]!;
      const path = route.path
        .replace(/\{token\}/, 'x'.repeat(43))
        .replace(/\{(\w+)\}/g, () => crypto.randomUUID());
      for (const [caller, client] of callers) {
        if (route.name === 'logout' || route.name === 'deleteAccount') continue; // checked in the flow tests
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
        const { status } = await client.call(route.method, path, body);
        const override = caller === 'anonymous' ? EXPECTED[route.name]!.anonymous : undefined;
        const policy = override ?? expectedFor(access, caller);
        // An unbuilt route says so only to a caller it would let in; others learn nothing.
        const want = built || policy !== 'allowed' ? policy : 501;
        const ok = want === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === want;
        if (!ok) failures.push(`${route.name} as ${caller}: got ${status}, expected ${want}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('never finds another organization’s resources by id (built routes with an id answer 404)', async () => {
    const stranger = callers.get('otherOrgAdmin')!;
    const idRoutes = ROUTES.filter(
      (r) => EXPECTED[r.name]!.built && /\{id\}/.test(r.path) && r.access !== 'public',
    );
    expect(idRoutes.length).toBeGreaterThan(5);
    for (const route of idRoutes) {
      const body = route.method === 'PUT' ? { role: 'viewer' } : undefined;
      const { status } = await stranger.call(
        route.method,
        route.path.replace('{id}', crypto.randomUUID()),
        body,
      );
      expect(status, route.name).toBe(404);
    }
  });
});
