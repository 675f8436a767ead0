import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Env } from '../../config/env';
import type { Logger } from '../../core/ports';

/**
 * Powertools Logger: one JSON object per line, the same shape in Lambda and locally, so
 * log queries written against CloudWatch also work on a developer's terminal output.
 *
 * The result is typed as both the Powertools Logger (appendKeys, injectLambdaContext…) and
 * the port. The cast is needed only because Powertools types its extra arguments as
 * index-signature records while the port accepts any object; at run time Powertools merges
 * any object it is given.
 */
export function createLogger(
  serviceName: string,
  logLevel: Env['LOG_LEVEL'] = 'INFO',
): PowertoolsLogger & Logger {
  return new PowertoolsLogger({ serviceName, logLevel }) as PowertoolsLogger & Logger;
}
