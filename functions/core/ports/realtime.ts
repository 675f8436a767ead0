export interface RealtimeConnection {
  connectionId: string;
  organizationId: string;
  userId: string;
  connectedAt: string;
}

export interface RealtimeMessage {
  type: string;
  data: unknown;
}

/**
 * Live updates to browsers (API Gateway WebSocket API + a connection store in AWS; the
 * local runtime's sockets locally). Sending to a gone connection removes it quietly.
 */
export interface Realtime {
  addConnection(connection: RealtimeConnection): Promise<void>;
  removeConnection(connectionId: string): Promise<void>;
  sendToConnection(connectionId: string, message: RealtimeMessage): Promise<boolean>;
  /**
   * Sends to every live connection of the organization (optionally one user's only) and
   * returns how many it reached. In AWS an organization with many open dashboards is handed to
   * the jobs queue instead (one message), so the caller (a request, the publisher) does not
   * wait for thousands of PostToConnection calls: that returns 0, and the job delivers.
   */
  broadcast(organizationId: string, message: RealtimeMessage, options?: { userId?: string }): Promise<number>;
  /** Delivers a broadcast here and now, however many connections it has: the fan-out job's half. */
  deliverBroadcast(
    organizationId: string,
    message: RealtimeMessage,
    options?: { userId?: string },
  ): Promise<number>;
}
