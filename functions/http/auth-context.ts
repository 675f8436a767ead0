import type { Role } from '../shared/route-table';

/** Who is calling, established by the authentication middleware before a handler runs. */
export interface AuthContext {
  userId: string;
  organizationId: string;
  role: Role;
  isSuperAdmin: boolean;
  /** How the caller proved who they are. */
  via: 'session' | 'api-key';
  sessionId?: string;
  apiKeyId?: string;
  scopes?: string[];
}
