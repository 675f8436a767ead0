/** What the scheduler delivers to the publish queue when a schedule fires. */
export interface PublishTrigger {
  targetId: string;
  version: number;
}

export interface OneTimeSchedule {
  /** Stable per target, e.g. `post-target-<uuid>`; scheduling again replaces it. */
  name: string;
  /** The instant to fire, UTC. */
  at: Date;
  /** The author's IANA zone, kept with the schedule for humans reading it. */
  timezone: string;
  payload: PublishTrigger;
}

/** One one-time schedule per post target (EventBridge Scheduler in AWS). */
export interface PostScheduler {
  /** Creates or replaces the schedule with this name. */
  schedule(schedule: OneTimeSchedule): Promise<void>;
  /** Deletes the schedule; a missing schedule is not an error. */
  cancel(name: string): Promise<void>;
}
