import { describe, expect, it } from 'vitest';
import {
  type AnyDomainError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  PlanLimitError,
  RuleViolation,
} from '../../functions/core/errors';
import { domainProblem } from '../../functions/http/domain-problems';
import { HttpProblem, notFound, problemResponse } from '../../functions/http/problem';

/** The response a problem becomes, as the client receives it. */
const wire = (problem: HttpProblem) =>
  problemResponse(problem, { instance: '/api/posts/x', requestId: 'r1' });

describe('domainProblem', () => {
  it('answers each domain refusal exactly as the operations answered it by hand before', () => {
    const issues = [{ field: 'body.at', message: 'Must be in the future' }];
    const pairs: [AnyDomainError, HttpProblem][] = [
      [new NotFoundError('The post'), notFound('The post')],
      [new ConflictError('Busy.'), new HttpProblem(409, 'conflict', 'Busy.')],
      [
        new InvalidInputError('In the past.', issues),
        new HttpProblem(400, 'validation_failed', 'In the past.', { errors: issues }),
      ],
      [new InvalidInputError('Unreadable.'), new HttpProblem(400, 'validation_failed', 'Unreadable.')],
      [
        new RuleViolation('Too long.', issues, { targets: [{ targetId: 't' }] }),
        new HttpProblem(422, 'validation_failed', 'Too long.', {
          errors: issues,
          extensions: { targets: [{ targetId: 't' }] },
        }),
      ],
      [new PlanLimitError('Three accounts.'), new HttpProblem(403, 'plan_limit_reached', 'Three accounts.')],
    ];
    for (const [error, expected] of pairs) {
      expect(wire(domainProblem(error))).toEqual(wire(expected));
    }
  });
});
