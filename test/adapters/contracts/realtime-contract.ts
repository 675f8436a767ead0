import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { Realtime, RealtimeConnection, RealtimeMessage } from '../../../functions/core/ports';

/** What a Realtime implementation under test exposes to the contract. */
export interface RealtimeHarness {
  realtime: Realtime;
  /** Messages delivered to one connection, in order. */
  delivered(connectionId: string): RealtimeMessage[];
  /** Makes the connection vanish without a $disconnect (browser closed, network lost). */
  drop(connectionId: string): void;
}

/**
 * The Realtime contract, for the API Gateway adapter and the local runtime's sockets alike.
 */
export function describeRealtimeContract(
  name: string,
  create: (clock: ManualClock) => Promise<RealtimeHarness> | RealtimeHarness,
): void {
  describe(`Realtime contract: ${name}`, () => {
    let clock: ManualClock;
    let harness: RealtimeHarness;
    const connection = (
      connectionId: string,
      organizationId: string,
      userId: string,
    ): RealtimeConnection => ({
      connectionId,
      organizationId,
      userId,
      connectedAt: clock.now().toISOString(),
    });
    const message: RealtimeMessage = { type: 'post.updated', data: { postId: 'p1', status: 'published' } };

    beforeEach(async () => {
      clock = new ManualClock('2025-06-01T12:00:00.000Z');
      harness = await create(clock);
    });

    it('sends to one connection', async () => {
      await harness.realtime.addConnection(connection('c1', 'org-a', 'u1'));
      expect(await harness.realtime.sendToConnection('c1', message)).toBe(true);
      expect(harness.delivered('c1')).toEqual([message]);
    });

    it('broadcasts to every connection of the organization only', async () => {
      await harness.realtime.addConnection(connection('c1', 'org-a', 'u1'));
      await harness.realtime.addConnection(connection('c2', 'org-a', 'u2'));
      await harness.realtime.addConnection(connection('c3', 'org-b', 'u3'));
      expect(await harness.realtime.broadcast('org-a', message)).toBe(2);
      expect(harness.delivered('c1')).toEqual([message]);
      expect(harness.delivered('c2')).toEqual([message]);
      expect(harness.delivered('c3')).toEqual([]);
    });

    it('delivers a broadcast here and now on request (the fan-out job), to the organization only', async () => {
      await harness.realtime.addConnection(connection('c1', 'org-a', 'u1'));
      await harness.realtime.addConnection(connection('c2', 'org-b', 'u2'));
      expect(await harness.realtime.deliverBroadcast('org-a', message)).toBe(1);
      expect(harness.delivered('c1')).toEqual([message]);
      expect(harness.delivered('c2')).toEqual([]);
    });

    it('broadcasts to one user’s connections when asked', async () => {
      await harness.realtime.addConnection(connection('c1', 'org-a', 'u1'));
      await harness.realtime.addConnection(connection('c2', 'org-a', 'u1'));
      await harness.realtime.addConnection(connection('c3', 'org-a', 'u2'));
      expect(await harness.realtime.broadcast('org-a', message, { userId: 'u1' })).toBe(2);
      expect(harness.delivered('c3')).toEqual([]);
    });

    it('stops sending to a removed connection', async () => {
      await harness.realtime.addConnection(connection('c1', 'org-a', 'u1'));
      await harness.realtime.removeConnection('c1');
      await harness.realtime.removeConnection('never-added');
      expect(await harness.realtime.broadcast('org-a', message)).toBe(0);
      expect(harness.delivered('c1')).toEqual([]);
    });

    it('forgets a gone connection quietly when sending to it', async () => {
      await harness.realtime.addConnection(connection('c1', 'org-a', 'u1'));
      await harness.realtime.addConnection(connection('c2', 'org-a', 'u2'));
      harness.drop('c1');
      expect(await harness.realtime.broadcast('org-a', message)).toBe(1);
      expect(await harness.realtime.sendToConnection('c1', message)).toBe(false);
      expect(await harness.realtime.broadcast('org-a', message)).toBe(1);
      expect(harness.delivered('c2')).toEqual([message, message]);
    });
  });
}
