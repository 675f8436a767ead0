import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { PlatformError } from '../../../functions/platforms/connector';
import {
  publishContainer,
  waitUntilFinished,
  type ContainerFlow,
} from '../../../functions/platforms/meta-graph/containers';

function flow(states: string[], clock = new ManualClock()) {
  const sleeps: number[] = [];
  const reads: string[] = [];
  const testFlow: ContainerFlow = {
    platform: 'instagram',
    clock,
    polling: {
      intervalMs: 1_000,
      maxWaitMs: 5_000,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
      },
    },
    readStatus: async (id) => {
      reads.push(id);
      const state = states.length > 1 ? states.shift()! : states[0]!;
      return { state, detail: state === 'ERROR' ? 'Error: failed with 2207052' : undefined };
    },
    failureKind: (detail) => (detail?.includes('2207052') ? 'transient' : 'permanent'),
    failureMessage: (detail) => `failed: ${detail}`,
  };
  return { flow: testFlow, sleeps, reads };
}

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('waitUntilFinished', () => {
  it('polls through the injected sleep until FINISHED', async () => {
    const { flow: f, sleeps, reads } = flow(['IN_PROGRESS', 'IN_PROGRESS', 'FINISHED']);
    await waitUntilFinished(f, 'c1');
    expect(reads).toEqual(['c1', 'c1', 'c1']);
    expect(sleeps).toEqual([1_000, 1_000]);
  });

  it('classifies ERROR by its detail and EXPIRED as transient', async () => {
    expect(await rejection(waitUntilFinished(flow(['ERROR']).flow, 'c'))).toMatchObject({
      kind: 'transient',
      message: 'failed: Error: failed with 2207052',
      details: { platformCode: '2207052' },
    });
    expect((await rejection(waitUntilFinished(flow(['EXPIRED']).flow, 'c'))).kind).toBe('transient');
  });

  it('stops at the deadline read from the clock', async () => {
    const { flow: f, sleeps } = flow(['IN_PROGRESS']);
    const error = await rejection(waitUntilFinished(f, 'c'));
    expect(error.kind).toBe('transient');
    expect(sleeps).toHaveLength(5);
  });
});

describe('publishContainer', () => {
  it('retries the same container while it is still FINISHED, up to three attempts', async () => {
    const { flow: f } = flow(['FINISHED']);
    let attempts = 0;
    const id = await publishContainer(f, 'c', async () => {
      attempts += 1;
      if (attempts < 3) throw new PlatformError('transient', 'try again');
      return 'media-1';
    });
    expect([id, attempts]).toEqual(['media-1', 3]);

    let always = 0;
    const error = await rejection(
      publishContainer(f, 'c', async () => {
        always += 1;
        throw new PlatformError('unknown_outcome', 'timeout');
      }),
    );
    expect([error.kind, always]).toEqual(['unknown_outcome', 3]);
  });

  it('turns a failure into unknown_outcome when the container was published anyway', async () => {
    const { flow: f } = flow(['PUBLISHED']);
    let attempts = 0;
    const error = await rejection(
      publishContainer(f, 'c', async () => {
        attempts += 1;
        throw new PlatformError('transient', '500');
      }),
    );
    expect([error.kind, attempts]).toEqual(['unknown_outcome', 1]);
  });

  it('does not retry refusals or throttling', async () => {
    for (const kind of ['auth', 'permanent', 'rate_limited'] as const) {
      const { flow: f, reads } = flow(['FINISHED']);
      let attempts = 0;
      const error = await rejection(
        publishContainer(f, 'c', async () => {
          attempts += 1;
          throw new PlatformError(kind, kind);
        }),
      );
      expect([error.kind, attempts]).toEqual([kind, 1]);
      expect(reads).toHaveLength(kind === 'rate_limited' ? 1 : 0);
    }
  });
});
