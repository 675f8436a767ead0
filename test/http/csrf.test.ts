import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../functions/config/env';
import { assertSameOrigin, trustedOrigins } from '../../functions/http/csrf';
import { HttpProblem } from '../../functions/http/problem';
import { httpEvent } from '../support/api-gateway';

const env = loadEnv({ PUBLIC_URL: 'https://d1234.cloudfront.net', CORS_ORIGINS: 'https://app.example.com' });
/** A cookie-authenticated POST as API Gateway sees it behind CloudFront: Host is the API's own domain. */
const refresh = (headers: Record<string, string>) =>
  httpEvent('POST /api/auth/refresh', {
    headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', ...headers },
  });
const refused = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error instanceof HttpProblem && error.status === 403;
  }
  return false;
};

describe('the session cookie only from the dashboard', () => {
  it("trusts the dashboard's own origin behind CloudFront, where Host is the execute-api domain", () => {
    // Browsers without Sec-Fetch-Site (older Safari) send only Origin.
    expect(refused(() => assertSameOrigin(refresh({ origin: 'https://d1234.cloudfront.net' }), env))).toBe(
      false,
    );
    expect(refused(() => assertSameOrigin(refresh({ origin: 'https://app.example.com' }), env))).toBe(false);
  });

  it('refuses other origins, and cross-site fetches however their Origin reads', () => {
    expect(refused(() => assertSameOrigin(refresh({ origin: 'https://evil.example' }), env))).toBe(true);
    expect(
      refused(() => assertSameOrigin(refresh({ origin: 'https://d1234.cloudfront.net.evil.example' }), env)),
    ).toBe(true);
    expect(refused(() => assertSameOrigin(refresh({ origin: 'null' }), env))).toBe(true);
    expect(
      refused(() =>
        assertSameOrigin(
          refresh({ 'sec-fetch-site': 'cross-site', origin: 'https://d1234.cloudfront.net' }),
          env,
        ),
      ),
    ).toBe(true);
  });

  it('lets same-origin browsers and non-browser clients through', () => {
    expect(refused(() => assertSameOrigin(refresh({ 'sec-fetch-site': 'same-origin' }), env))).toBe(false);
    expect(refused(() => assertSameOrigin(refresh({}), env))).toBe(false);
  });

  it('lists PUBLIC_URL as an origin, whatever path it carries', () => {
    expect(
      trustedOrigins(loadEnv({ PUBLIC_URL: 'https://plume.example.com/app/', CORS_ORIGINS: '' })),
    ).toEqual(['https://plume.example.com']);
  });
});
