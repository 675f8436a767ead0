import type { ApiClient } from './client';
import { isAbortError, networkProblem, toApiProblem } from './problem';
import type { components } from './schema.gen';

export type Health = components['schemas']['Health'];

function isHealth(value: unknown): value is Health {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Health>;
  return typeof candidate.status === 'string' && typeof candidate.database?.ok === 'boolean';
}

/**
 * `GET /health`. The API answers 503 with the same body when the database is down (so
 * monitors notice); that is a result to show, not an error.
 */
export async function fetchHealth(api: ApiClient, signal?: AbortSignal): Promise<Health> {
  const { data, error, response } = await api.GET('/health', { signal }).catch((cause: unknown) => {
    throw isAbortError(cause) ? cause : networkProblem(cause);
  });
  if (data) return data;
  if (response.status === 503 && isHealth(error)) return error;
  throw toApiProblem(error, response);
}
