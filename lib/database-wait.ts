import { Duration } from 'aws-cdk-lib';

/**
 * How long a function waits for the database. With `dbMinCapacity=0` Aurora Serverless v2
 * pauses after 5 idle minutes and holds the next connection while it resumes: about 15 s,
 * 30 s and more after a day asleep. The driver gives each connection attempt
 * DB_CONNECT_TIMEOUT_SECONDS and tries once more (functions/db/connect-retry.ts); the resume
 * goes on meanwhile, so the second attempt finds the database awake.
 */
export const AURORA_RESUME = {
  typical: Duration.seconds(15),
  afterADayAsleep: Duration.seconds(30),
};

/** API Gateway HTTP API's integration timeout (fixed): a Lambda must answer within it. */
export const HTTP_INTEGRATION_TIMEOUT = Duration.seconds(30);

/** Connection attempts per query: the first and one retry. */
export const DB_CONNECT_ATTEMPTS = 2;

/** Time left for the work itself once both attempts are spent. */
const WORK_RESERVE_SECONDS = 5;

/** Longest single attempt: beyond a minute the database is down, not resuming. */
const MAX_ATTEMPT_SECONDS = 60;

/**
 * Seconds per connection attempt for a function with this timeout: as long as both attempts
 * fit with time to spare (an HTTP function's 25 s gives 10 s each, covering a typical resume;
 * workers and the migration get 60 s each, covering a day asleep).
 */
export function connectAttemptSeconds(functionTimeout: Duration): number {
  const fitting = Math.floor((functionTimeout.toSeconds() - WORK_RESERVE_SECONDS) / DB_CONNECT_ATTEMPTS);
  if (fitting < 1) throw new Error(`A ${functionTimeout.toSeconds()} s timeout leaves no time to connect`);
  return Math.min(MAX_ATTEMPT_SECONDS, fitting);
}
