import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { auditLogs } from '../../db/schema';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/** Who did it and from where; taken from the request once and passed down. */
export interface AuditActor {
  userId?: string | null;
  organizationId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
}

const SECRET_KEY = /pass(word)?|token|secret|hash|api.?key|^key$|cookie|authorization/i;

/** Replaces secret-looking fields at any depth, so the audit trail never stores a credential. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) && inner !== null && inner !== undefined ? '[redacted]' : redactSecrets(inner),
      ]),
    );
  }
  return value;
}

/** Writes one audit row in the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLogs).values({
    organizationId: actor.organizationId ?? null,
    userId: actor.userId ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    oldValues: entry.oldValues ? redactSecrets(entry.oldValues) : null,
    newValues: entry.newValues ? redactSecrets(entry.newValues) : null,
    ipAddress: actor.ipAddress ?? null,
    userAgent: actor.userAgent ?? null,
    requestId: actor.requestId ?? null,
  });
}
