import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMentions } from '../../../../functions/core/agents/crisis';
import type { DatabaseHandle } from '../../../../functions/db/client';
import { mentions } from '../../../../functions/db/schema';
import { withSystem, withTenant } from '../../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase } from '../../../support/db';

describe('loadMentions', () => {
  let handle: DatabaseHandle;
  let organizationId: string;

  beforeAll(async () => {
    handle = await getTestDatabase();
    organizationId = (await createTestOrganization(handle.db)).organizationId;
    const other = (await createTestOrganization(handle.db)).organizationId;
    const row = (
      org: string,
      id: string,
      at: string,
      content: string,
      scored?: [number, 'positive' | 'neutral' | 'negative'],
    ) => ({
      organizationId: org,
      platform: 'sandbox' as const,
      externalId: id,
      content,
      mentionedAt: new Date(at),
      sentimentScore: scored?.[0] ?? null,
      sentimentLabel: scored?.[1] ?? null,
    });
    await withSystem(handle.db, (tx) =>
      tx.insert(mentions).values([
        row(organizationId, 'b', '2035-03-02T10:00:00Z', 'Love the new app', [0.6, 'positive']),
        // Not scored by the ingestion yet: the loader scores it.
        row(organizationId, 'a', '2035-03-01T09:30:00Z', 'Worst service ever, still no refund'),
        {
          ...row(organizationId, 'c', '2035-03-03T08:00:00Z', 'Thanks', [0.3, 'positive']),
          handledAt: new Date('2035-03-03T09:00:00Z'),
        },
        // Outside the window (until is exclusive) and another organization's.
        row(organizationId, 'd', '2035-03-04T00:00:00Z', 'Later'),
        row(organizationId, 'e', '2035-02-28T23:59:59Z', 'Earlier'),
        row(other, 'f', '2035-03-02T11:00:00Z', 'Not ours', [-0.5, 'negative']),
      ]),
    );
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("reads the organization's mentions in [since, until), oldest first, scoring those without a label", async () => {
    const loaded = await withTenant(handle.db, organizationId, (tx) =>
      loadMentions(tx, organizationId, new Date('2035-03-01T00:00:00Z'), new Date('2035-03-04T00:00:00Z')),
    );
    expect(loaded.map((m) => [m.content, m.label, m.labelSource, m.handled])).toEqual([
      ['Worst service ever, still no refund', 'negative', 'scored', false],
      ['Love the new app', 'positive', 'stored', false],
      ['Thanks', 'positive', 'stored', true],
    ]);
    expect(loaded[0]!.at).toEqual(new Date('2035-03-01T09:30:00Z'));
    expect(loaded[0]!.score).toBeLessThan(-0.5);
    expect(loaded[1]!.score).toBe(0.6);
    expect(loaded[1]!.platform).toBe('sandbox');
  });
});
