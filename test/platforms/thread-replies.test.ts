import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../functions/platforms/connector';
import { postThreadReplies, type ThreadReplies } from '../../functions/platforms/thread-replies';
import { captureLogger } from '../support/logger';

/** A network that numbers its posts and refuses the replies it is told to. */
function thread(replies: string[], refuse: Record<number, PlatformError | Error> = {}) {
  const logger = captureLogger();
  const calls: { text: string; index: number; parent: string }[] = [];
  const spec: ThreadReplies<string> = {
    first: 'p0',
    replies,
    postReply: async (text, index, parent) => {
      calls.push({ text, index, parent });
      const refusal = refuse[index];
      if (refusal) throw refusal;
      return `p${index + 1}`;
    },
    idOf: (id) => id,
    logger,
    failureLog: 'Test thread reply failed after the main post was published',
  };
  return { spec, logger, calls };
}

describe('postThreadReplies', () => {
  it('posts each reply under the one before, in order', async () => {
    const { spec, calls } = thread(['two', 'three', 'four']);
    expect(await postThreadReplies(spec)).toEqual({ followUpIds: ['p1', 'p2', 'p3'] });
    expect(calls).toEqual([
      { text: 'two', index: 0, parent: 'p0' },
      { text: 'three', index: 1, parent: 'p1' },
      { text: 'four', index: 2, parent: 'p2' },
    ]);
  });

  it('has nothing to do without replies', async () => {
    const { spec, calls } = thread([]);
    expect(await postThreadReplies(spec)).toEqual({ followUpIds: [] });
    expect(calls).toEqual([]);
  });

  it('stops at the first refused reply, keeps what was posted, logs it and warns the user', async () => {
    const { spec, logger, calls } = thread(['two', 'three', 'four', 'five'], {
      1: new PlatformError('transient', 'The network is busy'),
    });
    expect(await postThreadReplies(spec)).toEqual({
      followUpIds: ['p1'],
      warnings: ['Reply 2 of the thread was not posted (nor the 2 after it): The network is busy'],
    });
    expect(calls).toHaveLength(2);
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        message: 'Test thread reply failed after the main post was published',
        extra: [{ platformPostId: 'p0', replyIndex: 1, kind: 'transient', message: 'The network is busy' }],
      },
    ]);
  });

  it('names no replies after the last one', async () => {
    const { spec } = thread(['two', 'three'], { 1: new PlatformError('permanent', 'Too long') });
    expect((await postThreadReplies(spec)).warnings).toEqual([
      'Reply 2 of the thread was not posted: Too long',
    ]);
  });

  it('words the warning as the network asks', async () => {
    const { spec } = thread(['two', 'three'], { 0: new PlatformError('unknown_outcome', 'No answer') });
    spec.warning = ({ index, remaining, error }) => `${index}/${remaining}/${error.kind}`;
    expect((await postThreadReplies(spec)).warnings).toEqual(['0/2/unknown_outcome']);
  });

  it('throws what is not a network refusal: a bug must not pass as a warning', async () => {
    const { spec } = thread(['two'], { 0: new TypeError('undefined is not a function') });
    await expect(postThreadReplies(spec)).rejects.toThrow(TypeError);
  });
});
