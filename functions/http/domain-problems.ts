import type { AnyDomainError } from '../core/errors';
import { HttpProblem } from './problem';

/**
 * The one place where a domain refusal gets its HTTP shape: status, problem code, field
 * errors and extensions. The bodies are the ones the operations built by hand before the
 * use-cases moved to core, so clients see no difference.
 */
export function domainProblem(error: AnyDomainError): HttpProblem {
  switch (error.kind) {
    case 'not_found':
      return new HttpProblem(404, error.code, error.message);
    case 'conflict':
      return new HttpProblem(409, error.code, error.message);
    case 'invalid_input':
      return new HttpProblem(400, error.code, error.message, { errors: error.issues });
    case 'rule_violation':
      return new HttpProblem(422, error.code, error.message, {
        errors: error.issues,
        extensions: error.details,
      });
    case 'approval_required':
      return new HttpProblem(409, error.code, error.message, {
        extensions: { approvalStatus: error.approvalStatus },
      });
    case 'not_permitted':
      return new HttpProblem(403, error.code, error.message);
    case 'plan_limit':
      return new HttpProblem(403, error.code, error.message);
    case 'budget_spent':
      return new HttpProblem(429, error.code, error.message, {
        headers: {
          'retry-after': String(Math.max(1, Math.ceil(error.secondsLeft))),
        },
        extensions: { renewsAt: error.renewsAt.toISOString() },
      });
  }
}
