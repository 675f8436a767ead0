import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentAlerts, auditLogs, mentions } from '../../../functions/db/schema';
import {
  AGENT_ALERT_STATUSES as SCHEMA_ALERT_STATUSES,
  MENTION_KINDS as SCHEMA_MENTION_KINDS,
  SENTIMENT_LABELS as SCHEMA_SENTIMENT_LABELS,
} from '../../../functions/db/schema/listening';
import { withSystem } from '../../../functions/db/tenant';
import {
  AGENT_ALERT_STATUSES,
  MENTION_KINDS,
  SENTIMENT_LABELS,
} from '../../../functions/shared/contracts/ai-agents-alerts';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';

const T0 = new Date('2034-06-02T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Alert {
  id: string;
  kind: string;
  status: string;
  severity: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  details: Record<string, unknown>;
}
interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
interface Mention {
  id: string;
  kind: string;
  sentimentLabel: string | null;
  content: string;
}

/** The Crisis view's routes: alerts (list, acknowledge, resolve) and mentions, under their roles and tenant. */
describe('AI agents: alerts and mentions routes', () => {
  let env: Env;
  let admin: TestClient;
  let manager: TestClient;
  let managerId: string;
  let user: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  let organizationId: string;
  let crisisId: string;
  let anomalyId: string;

  const alertRow = async (id: string) =>
    (
      await withSystem(env.runtime.container.db, (tx) =>
        tx.select().from(agentAlerts).where(eq(agentAlerts.id, id)),
      )
    )[0]!;

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    admin = first.client;
    organizationId = first.organizationId;
    const m = await env.addMember(admin, 'manager');
    manager = m.client;
    managerId = m.userId;
    user = (await env.addMember(admin, 'user')).client;
    viewer = (await env.addMember(admin, 'viewer')).client;
    other = (await env.signUp()).client;
    const { db } = env.runtime.container;
    await withSystem(db, async (tx) => {
      const [crisis] = await tx
        .insert(agentAlerts)
        .values({
          organizationId,
          agentType: 'crisis_manager',
          kind: 'crisis',
          severity: 'error',
          dedupeKey: 'crisis:2034-06-02T05:00:00.000Z',
          title: 'Possible crisis',
          details: { level: 'crisis' },
          startedAt: new Date('2034-06-02T05:00:00.000Z'),
          detectedAt: new Date('2034-06-02T08:00:00.000Z'),
        })
        .returning();
      const [anomaly] = await tx
        .insert(agentAlerts)
        .values({
          organizationId,
          agentType: 'performance_tracker',
          kind: 'anomaly',
          severity: 'warning',
          dedupeKey: 'anomaly:x:followers:2034-06-01',
          title: 'Followers unusually low',
          startedAt: new Date('2034-06-01T00:00:00.000Z'),
          detectedAt: new Date('2034-06-02T07:00:00.000Z'),
        })
        .returning();
      crisisId = crisis!.id;
      anomalyId = anomaly!.id;
      const mention = (n: number, label: 'positive' | 'negative' | 'neutral', kind: 'mention' | 'reply') => ({
        organizationId,
        platform: 'sandbox' as const,
        externalId: `m-${n}`,
        content: `Mention ${n}`,
        kind,
        sentimentLabel: label,
        sentimentScore: label === 'negative' ? -0.6 : label === 'positive' ? 0.6 : 0,
        mentionedAt: new Date(T0.getTime() - n * 60_000),
      });
      await tx
        .insert(mentions)
        .values([
          mention(1, 'negative', 'reply'),
          mention(2, 'positive', 'mention'),
          mention(3, 'negative', 'mention'),
        ]);
    });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  });

  it('the contract’s lists are the schema’s', () => {
    expect(AGENT_ALERT_STATUSES).toEqual(SCHEMA_ALERT_STATUSES);
    expect(MENTION_KINDS).toEqual(SCHEMA_MENTION_KINDS);
    expect(SENTIMENT_LABELS).toEqual(SCHEMA_SENTIMENT_LABELS);
  });

  it('a viewer lists the alerts newest first, filtered by kind and status', async () => {
    const all = await viewer.get<Page<Alert>>('/api/ai-agents/alerts');
    expect(all.status).toBe(200);
    expect(all.body.items.map((a) => a.id)).toEqual([crisisId, anomalyId]);
    expect(all.body.total).toBe(2);
    const crises = await viewer.get<Page<Alert>>('/api/ai-agents/alerts?kind=crisis&status=open');
    expect(crises.body.items.map((a) => a.id)).toEqual([crisisId]);
    const paged = await viewer.get<Page<Alert>>('/api/ai-agents/alerts?pageSize=1&page=2');
    expect(paged.body.items.map((a) => a.id)).toEqual([anomalyId]);
    expect(paged.body.total).toBe(2);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    expect((await viewer.get('/api/ai-agents/alerts?kind=rumour')).status).toBe(400);
    expect((await viewer.get('/api/ai-agents/alerts?pageSize=1000')).status).toBe(400);
    expect((await viewer.get('/api/ai-agents/alerts?surprise=1')).status).toBe(400);
    expect((await manager.post('/api/ai-agents/alerts/not-a-uuid/acknowledge', {})).status).toBe(400);
    expect((await alertRow(crisisId)).status).toBe('open');
  });

  it('a viewer or a user may not acknowledge or resolve; another organization sees nothing', async () => {
    for (const client of [viewer, user]) {
      expect((await client.post(`/api/ai-agents/alerts/${crisisId}/acknowledge`, {})).status).toBe(403);
      expect((await client.post(`/api/ai-agents/alerts/${crisisId}/resolve`, {})).status).toBe(403);
    }
    const foreign = await other.get<Page<Alert>>('/api/ai-agents/alerts');
    expect(foreign.status).toBe(200);
    expect(foreign.body.items).toEqual([]);
    expect((await other.post(`/api/ai-agents/alerts/${crisisId}/acknowledge`, {})).status).toBe(404);
    expect((await other.post(`/api/ai-agents/alerts/${crisisId}/resolve`, {})).status).toBe(404);
    expect((await other.get<Page<Mention>>('/api/ai-agents/mentions')).body.items).toEqual([]);
    expect((await alertRow(crisisId)).status).toBe('open');
  });

  it('a manager acknowledges (who and when kept, audited; again changes nothing), then resolves; resolving twice is 409', async () => {
    const acknowledged = await manager.post<Alert>(`/api/ai-agents/alerts/${crisisId}/acknowledge`, {});
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: managerId });
    expect(acknowledged.body.acknowledgedAt).toBe(env.clock.now().toISOString());
    const again = await admin.post<Alert>(`/api/ai-agents/alerts/${crisisId}/acknowledge`, {});
    expect(again.status).toBe(200);
    expect(again.body.acknowledgedBy).toBe(managerId);
    const resolved = await manager.post<Alert>(`/api/ai-agents/alerts/${crisisId}/resolve`, {});
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    expect((await manager.post(`/api/ai-agents/alerts/${crisisId}/resolve`, {})).status).toBe(409);
    expect((await manager.post(`/api/ai-agents/alerts/${crisisId}/acknowledge`, {})).status).toBe(409);
    const [audited] = await withSystem(env.runtime.container.db, (tx) =>
      tx
        .select({ n: count() })
        .from(auditLogs)
        .where(and(eq(auditLogs.resourceId, crisisId), eq(auditLogs.resourceType, 'agent_alert'))),
    );
    expect(audited!.n).toBe(2);
  });

  it('lists the mentions newest first, by sentiment and kind', async () => {
    const all = await viewer.get<Page<Mention>>('/api/ai-agents/mentions');
    expect(all.status).toBe(200);
    expect(all.body.items.map((m) => m.content)).toEqual(['Mention 1', 'Mention 2', 'Mention 3']);
    const negative = await viewer.get<Page<Mention>>('/api/ai-agents/mentions?sentiment=negative');
    expect(negative.body.items.map((m) => m.content)).toEqual(['Mention 1', 'Mention 3']);
    const replies = await viewer.get<Page<Mention>>('/api/ai-agents/mentions?sentiment=negative&kind=reply');
    expect(replies.body.items.map((m) => m.content)).toEqual(['Mention 1']);
    expect((await viewer.get('/api/ai-agents/mentions?sentiment=angry')).status).toBe(400);
  });
});
