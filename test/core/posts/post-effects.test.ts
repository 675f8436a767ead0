import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { MemoryKeyValue } from '../../../functions/adapters/local/memory-key-value';
import { applyPostEffects, postEffects, type EffectPorts } from '../../../functions/core/posts/post-effects';
import type { PostScheduler } from '../../../functions/core/ports';
import { targetsMayBeInFlight } from '../../../functions/core/publishing/sweep-marker';

const ORG = '11111111-1111-4111-8111-111111111111';
const NOW = new Date('2090-01-01T09:00:00.000Z');

/** Ports that write down what they are asked, in order. */
function recordingPorts() {
  const calls: string[] = [];
  const scheduler: PostScheduler = {
    schedule: async (s) => void calls.push(`schedule ${s.name} v${s.payload.version} ${s.at.toISOString()}`),
    cancel: async (name) => void calls.push(`cancel ${name}`),
  };
  const ports: EffectPorts = {
    scheduler,
    queue: {
      sendBatch: async (name, messages) => void calls.push(`send ${name} ${JSON.stringify(messages)}`),
    },
    realtime: {
      broadcast: async (_org, message) => {
        calls.push(`push ${JSON.stringify(message.data)}`);
        return 1;
      },
    },
    logger: { warn: (message) => void calls.push(`warn ${message}`) },
    clock: new ManualClock(NOW),
    kv: new MemoryKeyValue(new ManualClock(NOW)),
  };
  return { calls, kv: ports.kv, ports };
}

describe('applyPostEffects', () => {
  it('cancels, arms, marks the sweep and announces, in that order', async () => {
    const { calls, kv, ports } = recordingPorts();
    const at = new Date('2090-01-02T00:00:00.000Z');
    await applyPostEffects(
      ports,
      postEffects(ORG, 'scheduled', ['p1'], {
        cancel: ['t0'],
        arm: [{ targetId: 't1', version: 3, at, timezone: 'UTC' }],
      }),
    );
    expect(calls).toEqual([
      'cancel post-target-t0',
      `schedule post-target-t1 v3 ${at.toISOString()}`,
      'push {"change":"scheduled","postIds":["p1"]}',
    ]);
    expect(await targetsMayBeInFlight(kv)).toBe(true);
  });

  it('publishes now by dropping the schedule and sending the message at once', async () => {
    const { calls, ports } = recordingPorts();
    await applyPostEffects(
      ports,
      postEffects(ORG, 'publishing', ['p1'], {
        publishNow: [{ targetId: 't1', version: 1, at: NOW, timezone: 'UTC' }],
      }),
    );
    expect(calls).toEqual([
      'cancel post-target-t1',
      'send publish [{"targetId":"t1","version":1}]',
      'push {"change":"publishing","postIds":["p1"]}',
    ]);
  });

  it('only announces a change that needs no schedule', async () => {
    const { calls, kv, ports } = recordingPorts();
    await applyPostEffects(ports, postEffects(ORG, 'created', ['p1']));
    expect(calls).toEqual(['push {"change":"created","postIds":["p1"]}']);
    expect(await targetsMayBeInFlight(kv)).toBe(false);
  });
});
