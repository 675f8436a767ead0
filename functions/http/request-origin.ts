import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { AuditActor } from '../core/audit/record-audit';
import type { AuthContext } from './auth-context';
import { header } from './request';

/**
 * The caller's IP. Behind CloudFront, API Gateway sees CloudFront's address, so the
 * distribution forwards `CloudFront-Viewer-Address` (set by CloudFront, not spoofable by the
 * client, unlike the first X-Forwarded-For entry). Direct calls use the source IP.
 */
export function clientIp(event: APIGatewayProxyEventV2): string {
  // Only trusted where CloudFront sets it (CDK sets TRUST_VIEWER_ADDRESS); elsewhere a client
  // could send the header itself to dodge per-IP limits.
  const viewer =
    process.env.TRUST_VIEWER_ADDRESS === 'true' ? header(event, 'cloudfront-viewer-address') : undefined;
  if (viewer) {
    const ip = viewer.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (ip) return ip;
  }
  return event.requestContext.http.sourceIp;
}

export function userAgent(event: APIGatewayProxyEventV2): string | null {
  return header(event, 'user-agent')?.slice(0, 512) ?? null;
}

/** Everything the audit log records about who acted. */
export function auditActor(
  event: APIGatewayProxyEventV2,
  auth?: Pick<AuthContext, 'userId' | 'organizationId'>,
): AuditActor {
  return {
    userId: auth?.userId ?? null,
    organizationId: auth?.organizationId ?? null,
    ipAddress: clientIp(event),
    userAgent: userAgent(event),
    requestId: event.requestContext.requestId,
  };
}
