import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isDomainError } from '../../core/errors';
import type { Logger } from '../../core/ports';
import { databaseUnavailable } from '../../db/connect-retry';
import { domainProblem } from '../domain-problems';
import { HttpProblem, problemResponse } from '../problem';

/**
 * Turns every error thrown below the handler into RFC 9457 problem+json. Expected problems
 * (HTTP problems and core's domain errors) keep their status and code; anything else is logged with its stack and answered as a
 * bare 500, so no internals reach the client.
 */
export function problemErrors(
  getLogger: () => Logger,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const { event, error } = request;
      const context = { instance: event.rawPath, requestId: event.requestContext?.requestId };
      if (error instanceof HttpProblem) {
        request.response = problemResponse(error, context);
        return;
      }
      // A use-case's refusal (functions/core/errors.ts), in its HTTP shape.
      if (isDomainError(error)) {
        request.response = problemResponse(domainProblem(error), context);
        return;
      }
      // A paused database still resuming after both connection attempts: the client may retry.
      const unavailable = databaseUnavailable(error);
      if (unavailable) {
        getLogger().warn('Database unavailable', {
          routeKey: event.routeKey,
          attempts: unavailable.attempts,
        });
        request.response = problemResponse(
          new HttpProblem(
            503,
            'service_unavailable',
            'The database is waking up; try again in a few seconds.',
            {
              headers: { 'retry-after': String(unavailable.retryAfterSeconds) },
            },
          ),
          context,
        );
        return;
      }
      getLogger().error('Unhandled error in HTTP handler', {
        routeKey: event.routeKey,
        requestId: context.requestId,
        // The logger describes the error from safe fields only (no bound query values).
        error,
      });
      request.response = problemResponse(
        new HttpProblem(500, 'internal_error', 'Something went wrong on our side.'),
        context,
      );
    },
  };
}
