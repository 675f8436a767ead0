import { describe, expect, it } from 'vitest';
import { LocalRealtime, type LocalSocket } from '../../functions/local/local-realtime';
import { captureLogger } from '../support/logger';

/** A socket that records what it was sent, as text. */
class RecordingSocket implements LocalSocket {
  readyState = 1;
  readonly received: string[] = [];
  readonly frames: Buffer[] = [];
  send(data: Buffer, options: { binary: boolean }): void {
    expect(options.binary).toBe(false);
    this.frames.push(data);
    this.received.push(data.toString('utf8'));
  }
  close(): void {
    this.readyState = 3;
  }
}

function connect(realtime: LocalRealtime, organizationId: string, userId = crypto.randomUUID()) {
  const connectionId = crypto.randomUUID();
  const socket = new RecordingSocket();
  realtime.attachSocket(connectionId, socket);
  void realtime.addConnection({
    connectionId,
    organizationId,
    userId,
    connectedAt: new Date().toISOString(),
  });
  return { connectionId, socket, userId };
}

describe('LocalRealtime', () => {
  const message = { type: 'post.changed', data: { postIds: ['p1'], note: 'é ✓' } };

  it('broadcasts to its organization only, one encoding shared by every socket', async () => {
    const realtime = new LocalRealtime(captureLogger());
    const ours = [connect(realtime, 'org-a'), connect(realtime, 'org-a'), connect(realtime, 'org-a')];
    const theirs = connect(realtime, 'org-b');
    expect(await realtime.broadcast('org-a', message)).toBe(3);
    for (const { socket } of ours) expect(socket.received.map((m) => JSON.parse(m))).toEqual([message]);
    expect(ours[0]!.socket.frames[0]).toBe(ours[2]!.socket.frames[0]);
    expect(theirs.socket.received).toEqual([]);
    expect(await realtime.broadcast('org-nobody', message)).toBe(0);
  });

  it('narrows to one person when asked', async () => {
    const realtime = new LocalRealtime(captureLogger());
    const ada = connect(realtime, 'org-a');
    const adaPhone = connect(realtime, 'org-a', ada.userId);
    const grace = connect(realtime, 'org-a');
    expect(await realtime.broadcast('org-a', message, { userId: ada.userId })).toBe(2);
    expect(ada.socket.received).toHaveLength(1);
    expect(adaPhone.socket.received).toHaveLength(1);
    expect(grace.socket.received).toEqual([]);
  });

  it('forgets closed and removed connections, as a GoneException does in AWS', async () => {
    const realtime = new LocalRealtime(captureLogger());
    const open = connect(realtime, 'org-a');
    const closed = connect(realtime, 'org-a');
    const removed = connect(realtime, 'org-a');
    closed.socket.close();
    await realtime.removeConnection(removed.connectionId);
    expect(realtime.connectionCount()).toBe(2);
    expect(await realtime.broadcast('org-a', message)).toBe(1);
    expect(realtime.connectionCount()).toBe(1);
    expect(open.socket.received).toHaveLength(1);
    expect(removed.socket.received).toEqual([]);
    expect(await realtime.sendToConnection(closed.connectionId, message)).toBe(false);
    expect(await realtime.sendToConnection(open.connectionId, message)).toBe(true);
  });

  it('moves a connection that is recorded again to its new organization', async () => {
    const realtime = new LocalRealtime(captureLogger());
    const moved = connect(realtime, 'org-a');
    await realtime.addConnection({
      connectionId: moved.connectionId,
      organizationId: 'org-b',
      userId: moved.userId,
      connectedAt: new Date().toISOString(),
    });
    expect(await realtime.broadcast('org-a', message)).toBe(0);
    expect(await realtime.broadcast('org-b', message)).toBe(1);
    expect(realtime.connectionCount()).toBe(1);
  });
});
