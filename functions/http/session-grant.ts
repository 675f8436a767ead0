import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Container } from '../adapters/container';
import { issueAccessToken } from '../core/identity/access-tokens';
import { loadCurrentUser } from '../core/identity/current-user';
import { REFRESH_TOKEN_TTL_SECONDS } from '../core/identity/session-store';
import { withSystem } from '../db/tenant';
import type { OperationResult, ResponseBodyOf } from './operation';
import { HttpProblem } from './problem';
import { refreshCookie } from './session-cookie';

/**
 * The answer to every sign-in style call: a fresh access token for (user, organization,
 * session), the `Me` document, and — when a refresh token was (re)issued — its cookie.
 */
export async function sessionGrant(
  container: Container,
  event: APIGatewayProxyEventV2,
  input: {
    userId: string;
    organizationId: string;
    sessionId: string;
    refreshToken?: string;
    status?: number;
  },
): Promise<OperationResult<ResponseBodyOf<'login'>>> {
  const secret = await container.secrets.get('jwt-signing-key');
  const { token, expiresIn } = await issueAccessToken(
    secret,
    { sub: input.userId, org: input.organizationId, sid: input.sessionId },
    container.clock.now(),
  );
  const user = await withSystem(container.db, (tx) =>
    loadCurrentUser(tx, input.userId, input.organizationId),
  );
  if (!user) throw new HttpProblem(403, 'forbidden', 'You are no longer a member of this organization.');
  return {
    status: input.status ?? 200,
    body: { accessToken: token, tokenType: 'Bearer', expiresIn, user },
    cookies: input.refreshToken
      ? [refreshCookie(event, input.refreshToken, REFRESH_TOKEN_TTL_SECONDS)]
      : undefined,
  };
}
