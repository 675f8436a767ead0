import { describe, expect, it } from 'vitest';
import {
  graphErrorKind,
  mapGraphError,
  parseGraphError,
} from '../../../functions/platforms/meta-graph/graph-error';
import { graphUsage } from '../../../functions/platforms/meta-graph/usage-headers';

const now = new Date('2025-06-01T12:00:00Z');

function response(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { status, body, headers: new Headers(headers) };
}

describe('parseGraphError', () => {
  it('reads the nested Graph shape and the flat api.instagram.com shape', () => {
    expect(
      parseGraphError({
        error: {
          message: 'm',
          type: 'OAuthException',
          code: 190,
          error_subcode: 460,
          error_user_msg: 'u',
          is_transient: false,
        },
      }),
    ).toEqual({
      message: 'm',
      userMessage: 'u',
      type: 'OAuthException',
      code: 190,
      subcode: 460,
      codeName: undefined,
      isTransient: false,
    });
    expect(
      parseGraphError({
        error_type: 'OAuthException',
        code: 400,
        error_message: 'Invalid authorization code',
      }),
    ).toMatchObject({
      message: 'Invalid authorization code',
      type: 'OAuthException',
      code: 400,
    });
    expect(
      parseGraphError({ error: { message: 'links', code: 'THREADS_API__LINK_LIMIT_EXCEEDED' } }),
    ).toMatchObject({
      codeName: 'THREADS_API__LINK_LIMIT_EXCEEDED',
      code: undefined,
    });
  });

  it('finds no error in bodies without one', () => {
    for (const body of [undefined, null, 'text', 42, [], { id: '1' }, { error: 'oops' }])
      expect(parseGraphError(body)).toBeUndefined();
  });
});

describe('graphErrorKind', () => {
  const kind = (code?: number, subcode?: number, creates = false, isTransient?: boolean) =>
    graphErrorKind({ message: 'm', code, subcode, isTransient }, { creates });

  it.each([
    [190, undefined, 'auth'],
    [102, undefined, 'auth'],
    [100, 458, 'auth'],
    [100, 459, 'auth'],
    [100, 460, 'auth'],
    [100, 463, 'auth'],
    [100, 467, 'auth'],
    [100, 492, 'auth'],
    [200, undefined, 'auth'],
    [299, undefined, 'auth'],
    [4, undefined, 'rate_limited'],
    [17, undefined, 'rate_limited'],
    [32, undefined, 'rate_limited'],
    [341, undefined, 'rate_limited'],
    [368, undefined, 'rate_limited'],
    [613, undefined, 'rate_limited'],
    [80001, undefined, 'rate_limited'],
    [80014, undefined, 'rate_limited'],
    [9, 2207042, 'rate_limited'],
    [1, undefined, 'transient'],
    [2, undefined, 'transient'],
    [9007, 2207027, 'transient'],
    [-2, 2207003, 'transient'],
    [-2, 2207020, 'transient'],
    [-1, 2207032, 'transient'],
    [-1, 2207053, 'transient'],
    [10, undefined, 'permanent'],
    [100, 33, 'permanent'],
    [100, 2207026, 'permanent'],
    [80015, undefined, 'permanent'],
    [506, undefined, 'permanent'],
  ] as const)('code %s / subcode %s is %s', (code, subcode, expected) => {
    expect(kind(code, subcode)).toBe(expected);
  });

  it('treats an unknown error or a transient flag answering a create as unknown_outcome', () => {
    expect(kind(1, undefined, true)).toBe('unknown_outcome');
    expect(kind(undefined, undefined, true, true)).toBe('unknown_outcome');
    expect(kind(undefined, undefined, false, true)).toBe('transient');
    expect(kind(2, undefined, true)).toBe('transient');
  });

  it('leaves errors without any code to the HTTP status', () => {
    expect(kind()).toBeUndefined();
  });
});

describe('mapGraphError', () => {
  it('keeps the user message, the subcode and the status', () => {
    const error = mapGraphError(
      'facebook',
      response(400, {
        error: {
          message: 'Invalid OAuth access token.',
          code: 190,
          error_subcode: 463,
          error_user_msg: 'Please log in again.',
        },
      }),
      now,
    );
    expect(error).toMatchObject({
      kind: 'auth',
      message: 'Please log in again.',
      details: { status: 400, platformCode: '463' },
    });
  });

  it('takes the wait from Retry-After, else from the usage headers (minutes)', () => {
    const throttled = { error: { message: 'Application request limit reached', code: 4 } };
    expect(
      mapGraphError('instagram', response(400, throttled, { 'retry-after': '30' }), now).details
        .retryAfterSeconds,
    ).toBe(30);
    expect(
      mapGraphError(
        'instagram',
        response(400, throttled, {
          'x-page-usage':
            '{"call_count":100,"total_cputime":3,"total_time":4,"estimated_time_to_regain_access":3}',
        }),
        now,
      ).details.retryAfterSeconds,
    ).toBe(180);
    expect(
      mapGraphError('instagram', response(400, throttled), now).details.retryAfterSeconds,
    ).toBeUndefined();
  });

  it('falls back to the HTTP status when the body says nothing', () => {
    expect(mapGraphError('threads', response(401, 'Unauthorized'), now).kind).toBe('auth');
    expect(mapGraphError('threads', response(429, undefined, { 'retry-after': '9' }), now)).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 9 },
    });
    expect(mapGraphError('threads', response(502, '<html>Bad gateway</html>'), now).kind).toBe('transient');
    expect(mapGraphError('threads', response(504, undefined), now, { creates: true }).kind).toBe(
      'unknown_outcome',
    );
    expect(mapGraphError('threads', response(404, undefined), now)).toMatchObject({
      kind: 'permanent',
      message: 'HTTP 404',
    });
  });
});

describe('graphUsage', () => {
  it('reports the highest percentage and the regain time across headers', () => {
    const headers = new Headers({
      'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":91}',
      'x-business-use-case-usage': JSON.stringify({
        '1': [
          {
            type: 'pages',
            call_count: 40,
            total_cputime: 10,
            total_time: 10,
            estimated_time_to_regain_access: 0,
          },
        ],
        '2': [
          {
            type: 'instagram',
            call_count: 95,
            total_cputime: 10,
            total_time: 10,
            estimated_time_to_regain_access: 7,
          },
        ],
      }),
    });
    expect(graphUsage(headers)).toEqual({ percent: 95, regainAccessSeconds: 420 });
  });

  it('ignores absent and malformed headers', () => {
    expect(graphUsage(new Headers())).toEqual({ percent: 0, regainAccessSeconds: undefined });
    expect(
      graphUsage(new Headers({ 'x-app-usage': 'not json', 'x-business-use-case-usage': '[1,2]' })),
    ).toEqual({
      percent: 0,
      regainAccessSeconds: undefined,
    });
  });
});
