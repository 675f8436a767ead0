import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, users } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { ROLES, ROUTES, type Access, type Role } from '../../functions/shared/route-table';
import type { TestClient } from '../support/http-client';
import { TestClient as Client } from '../support/http-client';
import { startIdentityRuntime } from '../support/identity-runtime';

/**
 * Who may call each route, declared here once and independently of the route table, so a
 * route added without a deliberate policy (or with a changed one) fails this suite.
 * `built: false` routes belong to later milestones: they answer 401/403 like built routes to
 * callers the policy refuses, and 501 only to callers it lets in. `session: true` routes (the
 * person's own identity, members, invitations, keys, platform administration) refuse API keys.
 */
/** A valid value of each path parameter that is not an id (`{format}` of a report file). */
const VALID_PATH_VALUES: Record<string, string> = { format: 'pdf' };

const EXPECTED: Record<string, { access: Access; built: boolean; anonymous?: 401; session?: true }> = {
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
  resendVerification: { access: 'viewer', built: true, session: true },
  createWebSocketTicket: { access: 'viewer', built: true, session: true },
  switchOrganization: { access: 'viewer', built: true, session: true },
  getProfile: { access: 'viewer', built: true, session: true },
  updateProfile: { access: 'viewer', built: true, session: true },
  deleteAccount: { access: 'viewer', built: true, session: true },
  listSessions: { access: 'viewer', built: true, session: true },
  revokeSession: { access: 'viewer', built: true, session: true },
  requestDataExport: { access: 'viewer', built: true, session: true },
  getDataExport: { access: 'viewer', built: true, session: true },
  getOrganization: { access: 'viewer', built: true },
  updateOrganization: { access: 'admin', built: true },
  listMembers: { access: 'viewer', built: true, session: true },
  inviteMember: { access: 'admin', built: true, session: true },
  removeMember: { access: 'admin', built: true, session: true },
  updateMemberRole: { access: 'admin', built: true, session: true },
  revokeInvitation: { access: 'admin', built: true, session: true },
  getInvitation: { access: 'public', built: true },
  acceptInvitation: { access: 'public', built: true },
  listApiKeys: { access: 'admin', built: true, session: true },
  createApiKey: { access: 'admin', built: true, session: true },
  revokeApiKey: { access: 'admin', built: true, session: true },
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
  // Users pass the route; the organization's approval policy then decides (tested in posts/approvals).
  submitPostForReview: { access: 'user', built: true },
  approvePost: { access: 'user', built: true },
  requestPostChanges: { access: 'user', built: true },
  listPostReviews: { access: 'viewer', built: true },
  commentOnPost: { access: 'user', built: true },
  listAgents: { access: 'viewer', built: true },
  configureAgent: { access: 'manager', built: true },
  setAgentBudget: { access: 'admin', built: true },
  generateContent: { access: 'user', built: true },
  improveContent: { access: 'user', built: true },
  suggestHashtags: { access: 'user', built: true },
  analyzeTrends: { access: 'user', built: true },
  optimizeSchedule: { access: 'user', built: true },
  predictEngagement: { access: 'user', built: true },
  analyzeCompetitors: { access: 'user', built: true },
  listAgentTasks: { access: 'viewer', built: true },
  getAgentTask: { access: 'viewer', built: true },
  cancelAgentTask: { access: 'user', built: true },
  saveAgentTaskDrafts: { access: 'user', built: true },
  listAgentAlerts: { access: 'viewer', built: true },
  acknowledgeAgentAlert: { access: 'manager', built: true },
  resolveAgentAlert: { access: 'manager', built: true },
  listMentions: { access: 'viewer', built: true },
  listAgentWorkflows: { access: 'viewer', built: true },
  runAgentWorkflow: { access: 'user', built: true },
  resumeAgentWorkflow: { access: 'user', built: true },
  getAnalyticsOverview: { access: 'viewer', built: true },
  getPostAnalytics: { access: 'viewer', built: true },
  getAudienceAnalytics: { access: 'viewer', built: true },
  getEngagementAnalytics: { access: 'viewer', built: true },
  getGrowthAnalytics: { access: 'viewer', built: true },
  getCompetitorAnalytics: { access: 'viewer', built: true },
  listCompetitors: { access: 'viewer', built: true },
  addCompetitor: { access: 'user', built: true },
  removeCompetitor: { access: 'user', built: true },
  getTrendAnalytics: { access: 'viewer', built: true },
  generateReport: { access: 'user', built: true },
  listReports: { access: 'viewer', built: true },
  exportAnalytics: { access: 'user', built: true },
  requestAnalyticsExport: { access: 'user', built: true },
  downloadReportFile: { access: 'viewer', built: true },
  createReportSchedule: { access: 'user', built: true },
  listReportSchedules: { access: 'viewer', built: true },
  deleteReportSchedule: { access: 'user', built: true },
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
  getSystemStats: { access: 'super-admin', built: false, session: true },
  listAllUsers: { access: 'super-admin', built: false, session: true },
  listAllOrganizations: { access: 'super-admin', built: false, session: true },
  listAuditLogs: { access: 'super-admin', built: false, session: true },
  getSystemHealth: { access: 'super-admin', built: false, session: true },
  setMaintenanceMode: { access: 'super-admin', built: false, session: true },
  getSandboxFeed: { access: 'public', built: true },
  getSandboxAccount: { access: 'public', built: true },
};

type SessionCaller = 'anonymous' | Role | 'otherOrgAdmin' | 'superAdminViewer';
/** An API key made by the organization's admin with this role and these scopes. */
type KeyCaller = `key:${Role}:${'read' | 'read+write'}`;
/**
 * An admin read+write key whose creator, an admin, was then demoted to viewer (it acts as a
 * viewer key), and a manager key whose creator was then removed (refused everywhere).
 */
type CreatorChangedKey = 'key:creator-demoted-to-viewer' | 'key:creator-removed';
type Caller = SessionCaller | KeyCaller | CreatorChangedKey;

const KEY_SCOPES = { read: ['read'], 'read+write': ['read', 'write'] } as const;

/** The status a session caller must get from a built route, or the class of statuses it may get. */
function expectedForSession(access: Access, caller: SessionCaller): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (access === 'super-admin') return caller === 'superAdminViewer' ? 'allowed' : 403;
  if (caller === 'otherOrgAdmin') return 'allowed'; // allowed in its own org; ids of others are 404 (below)
  const role: Role = caller === 'superAdminViewer' ? 'viewer' : caller;
  return ROLES.indexOf(role) >= ROLES.indexOf(access) ? 'allowed' : 403;
}

/** An API key acts with its role, needs `read` for GET and `write` otherwise, never on session routes. */
function expectedForKey(route: (typeof ROUTES)[number], caller: KeyCaller): 'allowed' | 403 {
  const [, role, scopes] = caller.split(':') as [string, Role, keyof typeof KEY_SCOPES];
  const { access, session } = EXPECTED[route.name]!;
  if (access === 'public') return 'allowed';
  if (access === 'super-admin' || session) return 403;
  if (ROLES.indexOf(role) < ROLES.indexOf(access)) return 403;
  const needed = route.method === 'GET' ? 'read' : 'write';
  return (KEY_SCOPES[scopes] as readonly string[]).includes(needed) ? 'allowed' : 403;
}

function expectedFor(route: (typeof ROUTES)[number], caller: Caller): 'allowed' | 401 | 403 {
  if (caller === 'key:creator-removed') return EXPECTED[route.name]!.access === 'public' ? 'allowed' : 401;
  if (caller === 'key:creator-demoted-to-viewer') return expectedForKey(route, 'key:viewer:read+write');
  if (caller.startsWith('key:')) return expectedForKey(route, caller as KeyCaller);
  const { access, anonymous } = EXPECTED[route.name]!;
  return (
    (caller === 'anonymous' ? anonymous : undefined) ?? expectedForSession(access, caller as SessionCaller)
  );
}

describe('route access matrix: every route, every role, API keys of every role and scope and of changed creators, another tenant', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  const callers = new Map<Caller, TestClient>();

  beforeAll(async () => {
    env = await startIdentityRuntime();
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    await withSystem(env.runtime.container.db, (tx) =>
      tx.update(organizations).set({ maxUsers: 20 }).where(eq(organizations.id, admin.organizationId)),
    );
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
    for (const role of ROLES) {
      for (const [label, scopes] of Object.entries(KEY_SCOPES)) {
        const created = await admin.client.post<{ key: string }>('/api/api-keys', {
          name: `${role} ${label}`,
          role,
          scopes,
        });
        if (created.status !== 201) throw new Error(`key: ${created.status}`);
        callers.set(
          `key:${role}:${label}` as KeyCaller,
          new Client(env.runtime.url, { 'x-api-key': created.body.key }),
        );
      }
    }
    const members = async () =>
      (
        await admin.client.get<{ members: Array<{ id: string; userId: string }> }>(
          '/api/organizations/members',
        )
      ).body.members;
    const keyOf = async (creator: TestClient, role: Role) => {
      const created = await creator.post<{ key: string }>('/api/api-keys', {
        name: `made by a changed member`,
        role,
        scopes: ['read', 'write'],
      });
      if (created.status !== 201) throw new Error(`key: ${created.status}`);
      return new Client(env.runtime.url, { 'x-api-key': created.body.key });
    };
    const demoted = await env.addMember(admin.client, 'admin');
    callers.set('key:creator-demoted-to-viewer', await keyOf(demoted.client, 'admin'));
    const removed = await env.addMember(admin.client, 'admin');
    callers.set('key:creator-removed', await keyOf(removed.client, 'manager'));
    const membershipOf = async (userId: string) => (await members()).find((m) => m.userId === userId)!.id;
    const demotion = await admin.client.put(
      `/api/organizations/members/${await membershipOf(demoted.userId)}`,
      {
        role: 'viewer',
      },
    );
    const removal = await admin.client.delete(
      `/api/organizations/members/${await membershipOf(removed.userId)}`,
    );
    if (demotion.status !== 200 || removal.status !== 204) throw new Error('could not change the creators');
    env.clock.advance(61_000); // fresh rate-limit windows for the matrix itself
  }, 120_000);
  afterAll(async () => env?.stop());

  it('declares an expectation for every route, and only for routes that exist', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(ROUTES.map((r) => r.name).sort());
    for (const route of ROUTES) {
      expect(route.access, route.name).toBe(EXPECTED[route.name]!.access);
      if (route.access !== 'public')
        expect(route.credentials, route.name).toBe(
          EXPECTED[route.name]!.session ? 'session' : 'session-or-api-key',
        );
    }
  });

  it('answers each caller as declared, never with a 5xx other than 501 for unbuilt routes to allowed callers', async () => {
    const failures: string[] = [];
    // Callers run side by side (each one's calls in order), so the matrix stays quick.
    await Promise.all(
      [...callers].map(async ([caller, client]) => {
        for (const route of ROUTES) {
          if (route.name === 'logout' || route.name === 'deleteAccount') continue; // checked in the flow tests
          // Public routes take no credential: a key is just an anonymous caller there.
          if (caller.startsWith('key:') && route.access === 'public') continue;
          const path = route.path
            .replace(/\{token\}/, 'x'.repeat(43))
            .replace(/\{(\w+)\}/g, () => crypto.randomUUID());
          const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
          const { status } = await client.call(route.method, path, body);
          const policy = expectedFor(route, caller);
          // An unbuilt route says so only to a caller it would let in; others learn nothing.
          const want = EXPECTED[route.name]!.built || policy !== 'allowed' ? policy : 501;
          const ok = want === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === want;
          if (!ok) failures.push(`${route.name} as ${caller}: got ${status}, expected ${want}`);
        }
      }),
    );
    expect(failures).toEqual([]);
  }, 240_000);

  it('never finds another organization’s resources by id (built routes with an id answer 404)', async () => {
    const stranger = callers.get('otherOrgAdmin')!;
    const idRoutes = ROUTES.filter(
      (r) => EXPECTED[r.name]!.built && /\{id\}/.test(r.path) && r.access !== 'public',
    );
    expect(idRoutes.length).toBeGreaterThan(5);
    for (const route of idRoutes) {
      const body = route.method === 'PUT' ? { role: 'viewer' } : undefined;
      // Other path parameters get a valid value, so only the foreign id can make it a 404.
      const path = route.path
        .replace('{id}', crypto.randomUUID())
        .replace(/\{(\w+)\}/g, (_, name: string) => VALID_PATH_VALUES[name] ?? crypto.randomUUID());
      const { status } = await stranger.call(route.method, path, body);
      expect(status, route.name).toBe(404);
    }
  });
});
