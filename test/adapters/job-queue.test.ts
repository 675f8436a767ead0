import { SQSClient, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { SqsJobQueue, parseQueueUrls } from '../../functions/adapters/aws/sqs-job-queue';

const PUBLISH_URL = 'https://sqs.us-east-1.amazonaws.com/111122223333/plume-publish';
const JOBS_URL = 'https://sqs.us-east-1.amazonaws.com/111122223333/plume-jobs';

function setup() {
  const client = new SQSClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(SendMessageCommand).resolves({ MessageId: 'm' });
  mock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  const queue = new SqsJobQueue(
    client,
    parseQueueUrls(JSON.stringify({ publish: PUBLISH_URL, jobs: JOBS_URL })),
  );
  return { queue, mock };
}

describe('SqsJobQueue', () => {
  it('sends one JSON message to the named queue, with DelaySeconds when asked', async () => {
    const { queue, mock } = setup();
    await queue.send('publish', { targetId: 't1', version: 2 });
    await queue.send('jobs', { kind: 'sync' }, { delaySeconds: 30 });
    expect(mock.commandCalls(SendMessageCommand).map((call) => call.args[0].input)).toEqual([
      { QueueUrl: PUBLISH_URL, MessageBody: '{"targetId":"t1","version":2}' },
      { QueueUrl: JOBS_URL, MessageBody: '{"kind":"sync"}', DelaySeconds: 30 },
    ]);
  });

  it('splits a batch into SendMessageBatch calls of at most ten, ids unique across the batch', async () => {
    const { queue, mock } = setup();
    const bodies = Array.from({ length: 23 }, (_, i) => ({ n: i }));
    await queue.sendBatch('jobs', bodies, { delaySeconds: 5 });
    const inputs = mock.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input);
    expect(inputs.map((input) => input.Entries?.length)).toEqual([10, 10, 3]);
    expect(inputs.every((input) => input.QueueUrl === JOBS_URL)).toBe(true);
    expect(inputs[2]?.Entries).toEqual([
      { Id: '20', MessageBody: '{"n":20}', DelaySeconds: 5 },
      { Id: '21', MessageBody: '{"n":21}', DelaySeconds: 5 },
      { Id: '22', MessageBody: '{"n":22}', DelaySeconds: 5 },
    ]);
  });

  it('sends nothing for an empty batch', async () => {
    const { queue, mock } = setup();
    await queue.sendBatch('jobs', []);
    expect(mock.calls()).toHaveLength(0);
  });

  it('fails loudly when SQS rejects part of a batch', async () => {
    const { queue, mock } = setup();
    mock.on(SendMessageBatchCommand).resolves({
      Successful: [],
      Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false, Message: 'try again' }],
    });
    await expect(queue.sendBatch('jobs', [{}, {}])).rejects.toThrow(/1: InternalError try again/);
  });

  it('refuses an unknown queue and an out-of-range delay before calling SQS', async () => {
    const { queue, mock } = setup();
    await expect(queue.send('agent-crisis-manager', {})).rejects.toThrow(/agent-crisis-manager/);
    await expect(queue.send('jobs', {}, { delaySeconds: 901 })).rejects.toThrow(/0 to 900/);
    expect(mock.calls()).toHaveLength(0);
  });

  it('rejects malformed QUEUE_URLS', () => {
    expect(() => parseQueueUrls('not json')).toThrow(/QUEUE_URLS/);
    expect(() => parseQueueUrls('{"publish":"not a url"}')).toThrow(/QUEUE_URLS/);
  });
});
