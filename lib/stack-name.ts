import { QUEUE_NAMES } from '../functions/core/ports/job-queue';

/** CloudFormation's own rule for a stack name. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;
const STACK_NAME_MAX = 128;

/** The schedule group holding one schedule per post target (EventBridge Scheduler: 1-64 characters). */
export const scheduleGroupName = (stackName: string): string => `${stackName}-posts`;
/** Each queue and its dead-letter queue (SQS: 1-80 characters). */
export const queueName = (stackName: string, queue: string): string => `${stackName}-${queue}`;
export const deadLetterQueueName = (stackName: string, queue: string): string => `${stackName}-${queue}-dlq`;

/** Every name Plume builds from the stack name, with the limit AWS puts on it. */
function derivedNames(stackName: string): Array<{ what: string; name: string; max: number }> {
  return [
    { what: 'EventBridge Scheduler schedule group', name: scheduleGroupName(stackName), max: 64 },
    ...QUEUE_NAMES.flatMap((queue) => [
      { what: 'SQS queue', name: queueName(stackName, queue), max: 80 },
      { what: 'SQS dead-letter queue', name: deadLetterQueueName(stackName, queue), max: 80 },
    ]),
  ];
}

/** The longest stack name every derived name accepts. */
export function maxStackNameLength(): number {
  const overhead = Math.max(...derivedNames('').map(({ name, max }) => name.length - max));
  return Math.min(STACK_NAME_MAX, -overhead);
}

/**
 * Refuses, at synth, a stack name that CloudFormation or a name derived from it would refuse at
 * deploy (after minutes of creating resources, and a rollback).
 */
export function assertStackName(stackName: string): void {
  if (!STACK_NAME.test(stackName)) {
    throw new Error(
      `Invalid stack name "${stackName}": start with a letter, then letters, digits and hyphens only (CloudFormation's rule)`,
    );
  }
  const tooLong = derivedNames(stackName).filter(({ name, max }) => name.length > max);
  if (stackName.length > STACK_NAME_MAX || tooLong.length > 0) {
    const longest = tooLong.sort((a, b) => b.name.length - b.max - (a.name.length - a.max))[0];
    throw new Error(
      `Stack name "${stackName}" is ${stackName.length} characters; at most ${maxStackNameLength()} fit` +
        (longest ? ` (the ${longest.what} "${longest.name}" may have at most ${longest.max})` : ''),
    );
  }
}
