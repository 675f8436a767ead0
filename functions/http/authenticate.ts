import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Container } from '../adapters/container';
import type { AuthContext } from './auth-context';

/**
 * Establishes the caller from the request (access token or API key). Identity — sessions,
 * JWT verification, API keys — is the next milestone; until it lands no credential is
 * accepted, so every protected route answers 401 and nothing is reachable unauthenticated.
 */
export async function authenticate(
  _event: APIGatewayProxyEventV2,
  _container: Container,
): Promise<AuthContext | undefined> {
  return undefined;
}
