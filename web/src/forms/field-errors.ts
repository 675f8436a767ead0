import type { z } from 'zod';
import { ApiProblem } from '../api/problem';

/** Error messages by form field name (`email`, `scopes`). */
export type FieldErrors = Partial<Record<string, string>>;

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** The first message for each field; nested paths join with dots, as the server's do. */
export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

/**
 * The server's field errors for a request body (`body.email` becomes `email`), keeping only
 * fields the form shows; the rest stay on the problem for the form-level message.
 */
export function problemFieldErrors(
  problem: ApiProblem,
  fields: readonly string[],
  location = 'body',
): FieldErrors {
  const errors: FieldErrors = {};
  const prefix = `${location}.`;
  for (const { field, message } of problem.errors) {
    if (!field.startsWith(prefix)) continue;
    const name = field.slice(prefix.length);
    const known = fields.find((candidate) => name === candidate || name.startsWith(`${candidate}.`));
    if (known && errors[known] === undefined) errors[known] = message;
  }
  return errors;
}

/**
 * Words for the checks the shared schemas leave to zod's defaults ("Too small: expected
 * string to have >=1 characters"). A message written in a schema still wins over these.
 */
export const friendlyMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'Required' : undefined;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'Required' : `Use at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return 'Choose at least one';
      return `Use ${issue.minimum} or more`;
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${issue.maximum} characters`;
      return `Use ${issue.maximum} or less`;
    case 'invalid_value': {
      const [only] = issue.values;
      if (issue.values.length === 1 && typeof only === 'string') return `Type “${only}” exactly`;
      if (issue.values.length === 1 && only === true) return 'Required';
      return 'Choose one of the options';
    }
    case 'invalid_format':
      return issue.format === 'email' ? 'Enter a valid email address' : 'This format is not valid';
    default:
      return undefined;
  }
};

/** Validates with a shared schema and returns the field errors (none when valid). */
export function validateWith(schema: z.ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input, { error: friendlyMessages });
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}

/**
 * The same problem with its message moved onto one field: a 409 "email already registered"
 * belongs next to the email input, not in a banner.
 */
export function problemOnField(problem: ApiProblem, field: string, message?: string): ApiProblem {
  return new ApiProblem({
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    errors: [{ field, message: message ?? problem.detail ?? problem.title }],
    instance: problem.instance,
    requestId: problem.requestId,
    retryAfterSeconds: problem.retryAfterSeconds,
  });
}

/** The first message for a single value (a lone password), or undefined when valid. */
export function valueError(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value, { error: friendlyMessages });
  return result.success ? undefined : result.error.issues[0]?.message;
}
