import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../web/src/api/problem';
import { REQUEST_SCHEMAS, newPassword } from '../../web/src/forms/contracts';
import {
  issuesToFieldErrors,
  problemFieldErrors,
  problemOnField,
  validateWith,
  valueError,
} from '../../web/src/forms/field-errors';
import { authContracts } from '../../functions/shared/contracts/auth';

const validSignup = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'Ada@Example.com',
  password: 'analytical engine notes',
  organizationName: 'Acme',
  acceptTerms: true,
  timezone: 'Europe/London',
};

describe('forms validate with the API’s own request schemas', () => {
  it('are the very schema objects the server validates with', () => {
    expect(REQUEST_SCHEMAS.register).toBe(authContracts.register!.body);
    expect(REQUEST_SCHEMAS.login).toBe(authContracts.login!.body);
  });

  it('accept what the API accepts', () => {
    expect(validateWith(REQUEST_SCHEMAS.register, validSignup)).toEqual({});
  });

  it('name each bad field, in words a person understands', () => {
    const errors = validateWith(REQUEST_SCHEMAS.register, {
      ...validSignup,
      firstName: '   ',
      email: 'not-an-email',
      password: 'short',
      acceptTerms: false,
      timezone: 'Mars/Olympus',
    });
    expect(errors).toEqual({
      firstName: 'Required',
      email: 'Enter a valid email address',
      password: 'Use at least 12 characters',
      acceptTerms: 'Accept the terms and privacy policy to continue',
      timezone: 'Not an IANA time zone (e.g. Europe/Paris)',
    });
  });

  it('explain missing values, array minimums, number ranges and the delete phrase', () => {
    expect(validateWith(REQUEST_SCHEMAS.login, {})).toEqual({ email: 'Required', password: 'Required' });
    expect(
      validateWith(REQUEST_SCHEMAS.createApiKey, { name: 'Zapier', role: 'viewer', scopes: [] }),
    ).toEqual({ scopes: 'Choose at least one' });
    expect(validateWith(REQUEST_SCHEMAS.updateOrganization, { dataRetentionDays: 7 })).toEqual({
      dataRetentionDays: 'Use 30 or more',
    });
    expect(validateWith(REQUEST_SCHEMAS.updateOrganization, { slug: 'Not A Slug' })).toEqual({
      slug: 'Lower-case letters, digits and single hyphens',
    });
    expect(
      validateWith(REQUEST_SCHEMAS.deleteAccount, { password: 'pw', confirm: 'delete my account' }),
    ).toEqual({
      confirm: 'Type “DELETE MY ACCOUNT” exactly',
    });
    expect(validateWith(REQUEST_SCHEMAS.inviteMember, { email: 'a@b.co', role: 'owner' })).toEqual({
      role: 'Choose one of the options',
    });
  });

  it('check a single value against a schema', () => {
    expect(valueError(newPassword, 'short')).toBe('Use at least 12 characters');
    expect(valueError(newPassword, 'long enough password')).toBeUndefined();
  });
});

describe('server field errors', () => {
  const problem = new ApiProblem({
    title: 'Your request has invalid fields',
    status: 400,
    code: 'validation_failed',
    errors: [
      { field: 'body.password', message: 'This password is too easy to guess.' },
      { field: 'body.scopes.0', message: 'Invalid option' },
      { field: 'body.password', message: 'a second message' },
      { field: 'query.limit', message: 'not a body field' },
      { field: 'body.unknown', message: 'not on the form' },
    ],
  });

  it('land on the form’s fields, first message wins, nested paths on their parent', () => {
    expect(problemFieldErrors(problem, ['email', 'password', 'scopes'])).toEqual({
      password: 'This password is too easy to guess.',
      scopes: 'Invalid option',
    });
  });

  it('can be moved onto a field (a 409 belongs next to the email)', () => {
    const conflict = new ApiProblem({
      title: 'Conflict',
      status: 409,
      code: 'conflict',
      detail: 'Email taken',
    });
    const moved = problemOnField(conflict, 'body.email');
    expect(moved).toBeInstanceOf(ApiProblem);
    expect(moved.errors).toEqual([{ field: 'body.email', message: 'Email taken' }]);
    expect(moved.code).toBe('conflict');
    expect(problemFieldErrors(moved, ['email'])).toEqual({ email: 'Email taken' });
  });

  it('issue paths join with dots like the server’s', () => {
    expect(
      issuesToFieldErrors([
        { path: ['scopes', 1], message: 'm' },
        { path: [], message: 'root' },
      ]),
    ).toEqual({
      'scopes.1': 'm',
    });
  });
});
