import { PlatformError } from '../../../platforms/connector';
import { HttpProblem } from '../../problem';

/**
 * A network's refusal while connecting, as the user should see it: wrong credentials or a bad
 * server address are the user's to fix (422, naming the field); an unreachable or busy
 * network is temporary (503).
 */
export function connectProblem(error: unknown, field: string): HttpProblem {
  if (!(error instanceof PlatformError)) throw error;
  if (error.kind === 'auth' || error.kind === 'permanent') {
    return new HttpProblem(422, 'validation_failed', error.message, {
      errors: [{ field, message: error.message }],
    });
  }
  return new HttpProblem(503, 'service_unavailable', `${error.message}. Try again in a moment.`, {
    headers: error.details.retryAfterSeconds
      ? { 'retry-after': String(error.details.retryAfterSeconds) }
      : undefined,
  });
}

export function notConfiguredProblem(platformName: string, missing: string[]): HttpProblem {
  return new HttpProblem(
    409,
    'conflict',
    `${platformName} is not set up on this Plume: add ${missing.join(', ')} to the platform-apps secret (in AWS the PlatformAppsSecretArn stack output; locally PLATFORM_APPS or .data/secrets.json).`,
    { extensions: { reason: 'platform_not_configured', missingSettings: missing } },
  );
}

export function planLimitProblem(message: string): HttpProblem {
  return new HttpProblem(403, 'plan_limit_reached', message);
}
