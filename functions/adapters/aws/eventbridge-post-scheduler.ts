import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { OneTimeSchedule, PostScheduler } from '../../core/ports';
import { wallClockText } from '../../shared/wall-clock';
import { isAmbiguousWallClock } from './zoned-time';

export interface EventBridgePostSchedulerConfig {
  groupName: string;
  /** The publish queue's ARN: the schedule's target. */
  publishQueueArn: string;
  /** The role Scheduler assumes to send to the queue. */
  roleArn: string;
}

/**
 * One EventBridge Scheduler one-time schedule per post target, written in the author's zone
 * so the console shows the time they chose. It deletes itself after firing.
 */
export class EventBridgePostScheduler implements PostScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly config: EventBridgePostSchedulerConfig,
  ) {}

  async schedule(schedule: OneTimeSchedule): Promise<void> {
    const input = this.toInput(schedule);
    try {
      await this.client.send(new CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
      await this.client.send(new UpdateScheduleCommand(input));
    }
  }

  async cancel(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.config.groupName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }

  private toInput(schedule: OneTimeSchedule): CreateScheduleCommandInput {
    // at() has whole seconds: round up so a post never fires before the chosen instant.
    const at = new Date(Math.ceil(schedule.at.getTime() / 1000) * 1000);
    // In the hour repeated when clocks go back, a wall time names two instants and the
    // zone cannot tell them apart, so that schedule is written in UTC to stay exact.
    const zone = isAmbiguousWallClock(at, schedule.timezone) ? 'UTC' : schedule.timezone;
    return {
      Name: schedule.name,
      GroupName: this.config.groupName,
      ScheduleExpression: `at(${wallClockText(at, zone)})`,
      ScheduleExpressionTimezone: zone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: `Publish post target ${schedule.payload.targetId} (v${schedule.payload.version})`,
      Target: {
        Arn: this.config.publishQueueArn,
        RoleArn: this.config.roleArn,
        Input: JSON.stringify({ targetId: schedule.payload.targetId, version: schedule.payload.version }),
      },
    };
  }
}
