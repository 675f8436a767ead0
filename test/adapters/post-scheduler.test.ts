import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { EventBridgePostScheduler } from '../../functions/adapters/aws/eventbridge-post-scheduler';

const CONFIG = {
  groupName: 'plume-prod',
  publishQueueArn: 'arn:aws:sqs:us-east-1:111122223333:plume-publish',
  roleArn: 'arn:aws:iam::111122223333:role/plume-scheduler',
};

function setup() {
  const client = new SchedulerClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
  mock.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
  mock.on(DeleteScheduleCommand).resolves({});
  return { scheduler: new EventBridgePostScheduler(client, CONFIG), mock };
}

const expectedInput = (expression: string, zone: string, version = 1) => ({
  Name: 'post-target-7b3c',
  GroupName: 'plume-prod',
  ScheduleExpression: expression,
  ScheduleExpressionTimezone: zone,
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  State: 'ENABLED',
  Description: `Publish post target 7b3c (v${version})`,
  Target: {
    Arn: CONFIG.publishQueueArn,
    RoleArn: CONFIG.roleArn,
    Input: JSON.stringify({ targetId: '7b3c', version }),
  },
});

describe('EventBridgePostScheduler', () => {
  it('creates a one-time at() schedule in the author’s zone that deletes itself', async () => {
    const { scheduler, mock } = setup();
    await scheduler.schedule({
      name: 'post-target-7b3c',
      at: new Date('2025-07-04T13:00:00Z'),
      timezone: 'America/New_York',
      payload: { targetId: '7b3c', version: 1 },
    });
    expect(mock.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input)).toEqual([
      expectedInput('at(2025-07-04T09:00:00)', 'America/New_York'),
    ]);
  });

  it('writes the wall time on each side of a spring-forward change', async () => {
    const { scheduler, mock } = setup();
    const payload = { targetId: '7b3c', version: 1 };
    await scheduler.schedule({
      name: 'post-target-7b3c',
      at: new Date('2025-03-09T06:30:00Z'),
      timezone: 'America/New_York',
      payload,
    });
    await scheduler.schedule({
      name: 'post-target-7b3c',
      at: new Date('2025-03-09T07:30:00Z'),
      timezone: 'America/New_York',
      payload,
    });
    expect(
      mock.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input.ScheduleExpression),
    ).toEqual(['at(2025-03-09T01:30:00)', 'at(2025-03-09T03:30:00)']);
  });

  it('falls back to UTC in the repeated hour, where the zone alone would be ambiguous', async () => {
    const { scheduler, mock } = setup();
    const payload = { targetId: '7b3c', version: 1 };
    // 01:30 EDT and 01:30 EST: both are "01:30" in New York.
    await scheduler.schedule({
      name: 'post-target-7b3c',
      at: new Date('2025-11-02T05:30:00Z'),
      timezone: 'America/New_York',
      payload,
    });
    await scheduler.schedule({
      name: 'post-target-7b3c',
      at: new Date('2025-11-02T06:30:00Z'),
      timezone: 'America/New_York',
      payload,
    });
    expect(mock.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input)).toEqual([
      expectedInput('at(2025-11-02T05:30:00)', 'UTC'),
      expectedInput('at(2025-11-02T06:30:00)', 'UTC'),
    ]);
  });

  it('rounds a fractional second up so it never fires early', async () => {
    const { scheduler, mock } = setup();
    await scheduler.schedule({
      name: 'post-target-7b3c',
      at: new Date('2025-07-04T13:00:00.001Z'),
      timezone: 'Europe/Paris',
      payload: { targetId: '7b3c', version: 1 },
    });
    expect(mock.commandCalls(CreateScheduleCommand)[0]?.args[0].input.ScheduleExpression).toBe(
      'at(2025-07-04T15:00:01)',
    );
  });

  it('replaces an existing schedule with UpdateSchedule (same full input)', async () => {
    const { scheduler, mock } = setup();
    mock
      .on(CreateScheduleCommand)
      .rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    await scheduler.schedule({
      name: 'post-target-7b3c',
      at: new Date('2025-07-04T13:00:00Z'),
      timezone: 'America/New_York',
      payload: { targetId: '7b3c', version: 2 },
    });
    expect(mock.commandCalls(UpdateScheduleCommand).map((call) => call.args[0].input)).toEqual([
      expectedInput('at(2025-07-04T09:00:00)', 'America/New_York', 2),
    ]);
  });

  it('passes other errors through', async () => {
    const { scheduler, mock } = setup();
    mock.on(CreateScheduleCommand).rejects(new Error('AccessDenied'));
    await expect(
      scheduler.schedule({
        name: 'n',
        at: new Date(),
        timezone: 'UTC',
        payload: { targetId: 't', version: 1 },
      }),
    ).rejects.toThrow('AccessDenied');
    expect(mock.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it('cancels with DeleteSchedule in the group and ignores a schedule that is already gone', async () => {
    const { scheduler, mock } = setup();
    await scheduler.cancel('post-target-7b3c');
    mock
      .on(DeleteScheduleCommand)
      .rejects(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }));
    await expect(scheduler.cancel('post-target-7b3c')).resolves.toBeUndefined();
    expect(mock.commandCalls(DeleteScheduleCommand).map((call) => call.args[0].input)).toEqual([
      { Name: 'post-target-7b3c', GroupName: 'plume-prod' },
      { Name: 'post-target-7b3c', GroupName: 'plume-prod' },
    ]);
    mock.on(DeleteScheduleCommand).rejects(new Error('Throttled'));
    await expect(scheduler.cancel('post-target-7b3c')).rejects.toThrow('Throttled');
  });
});
