/**
 * Domain errors: what a use-case refuses, in the domain's words. Core throws these and never
 * an HTTP problem; the HTTP layer maps each kind to its status once
 * (functions/http/domain-problems.ts), and jobs or agents read the same `code` and `issues`.
 */

/** One invalid field, addressed by its path in the caller's input (`body.targets.0.socialAccountId`). */
export interface FieldIssue {
  field: string;
  message: string;
}

abstract class DomainError extends Error {
  /** Which refusal this is; the HTTP layer switches on it to pick the status. */
  abstract readonly kind: string;
  /** Stable and machine-readable: callers switch on it, never on the message. */
  abstract readonly code: string;
}

/** The thing does not exist, or the caller's organization cannot see it (the two look the same). */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'not_found';
  constructor(readonly what: string) {
    super(`${what} does not exist or is not visible to you.`);
    this.name = 'NotFoundError';
  }
}

/** The request is sound but the thing's current state refuses it (being published, already live). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'conflict';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * Part of the input cannot be used as given: a reference to something that is not the
 * organization's, a time that does not exist or has passed. `issues` names each field.
 */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid_input';
  readonly code = 'validation_failed';
  constructor(
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/**
 * Well-formed input that breaks a rule of the domain (a network's limits, a row of a batch that
 * cannot be scheduled). `details` carries what a client needs to show it (each target's issues).
 */
export class RuleViolation extends DomainError {
  readonly kind = 'rule_violation';
  readonly code = 'validation_failed';
  constructor(
    message: string,
    readonly issues: FieldIssue[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/**
 * The post waits for a reviewer: the organization's approval flow refuses to schedule or
 * publish it until someone allowed to approve has approved it.
 */
export class ApprovalRequiredError extends DomainError {
  readonly kind = 'approval_required';
  readonly code = 'approval_required';
  constructor(
    message: string,
    readonly approvalStatus: string,
  ) {
    super(message);
    this.name = 'ApprovalRequiredError';
  }
}

/**
 * The caller's role passes the route but not the organization's own rule for this act (who
 * may approve posts is set per organization).
 */
export class NotPermittedError extends DomainError {
  readonly kind = 'not_permitted';
  readonly code = 'forbidden';
  constructor(message: string) {
    super(message);
    this.name = 'NotPermittedError';
  }
}

/** The organization's plan allows no more of these. */
export class PlanLimitError extends DomainError {
  readonly kind = 'plan_limit';
  readonly code = 'plan_limit_reached';
  constructor(message: string) {
    super(message);
    this.name = 'PlanLimitError';
  }
}

/** The organization's (or one agent's) monthly AI budget is spent until `renewsAt`. */
export class BudgetSpentError extends DomainError {
  readonly kind = 'budget_spent';
  readonly code = 'ai_budget_spent';
  constructor(
    message: string,
    readonly renewsAt: Date,
    /** From the use-case's clock to `renewsAt` (the HTTP layer's Retry-After). */
    readonly secondsLeft: number,
  ) {
    super(message);
    this.name = 'BudgetSpentError';
  }
}

export type AnyDomainError =
  | NotFoundError
  | ConflictError
  | InvalidInputError
  | RuleViolation
  | PlanLimitError
  | BudgetSpentError
  | ApprovalRequiredError
  | NotPermittedError;

export const isDomainError = (error: unknown): error is AnyDomainError => error instanceof DomainError;
