import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { PostActor } from '../../../core/posts/post-actor';
import type { AuthContext } from '../../auth-context';
import { auditActor } from '../../request-origin';

/** The signed-in caller as the post use-cases see them. */
export const postActor = (event: APIGatewayProxyEventV2, auth: AuthContext): PostActor => ({
  organizationId: auth.organizationId,
  userId: auth.userId,
  role: auth.role,
  audit: auditActor(event, auth),
});
