import { createContext, use } from 'react';
import { accessToken } from '../api/access-token';
import { createApiClient, type ApiClient } from '../api/client';
import { browserBroadcast, browserLock } from '../auth/browser-session';
import { SessionManager } from '../auth/session-manager';
import type { RuntimeConfig } from '../config/runtime-config';
import { connectBrowserWebSocket } from '../realtime/browser-websocket';
import { RealtimeSocket } from '../realtime/socket';
import { fetchWebSocketTicket } from '../realtime/ticket';

/** The dashboard's composition root: one of each per page load. */
export interface AppServices {
  config: RuntimeConfig;
  api: ApiClient;
  session: SessionManager;
  realtime: RealtimeSocket;
}

export function createServices(config: RuntimeConfig): AppServices {
  // The client asks the session for a fresh token on a 401, and the session talks through
  // the client: the closure breaks the cycle (no request is sent before both exist).
  const api = createApiClient({
    baseUrl: config.apiUrl,
    tokens: accessToken,
    recoverToken: (usedToken) => session.recoverToken(usedToken),
  });
  const session = new SessionManager({
    api,
    tokens: accessToken,
    lock: browserLock,
    broadcast: browserBroadcast(),
  });
  const realtime = new RealtimeSocket({
    url: config.wsUrl,
    getTicket: () => fetchWebSocketTicket(api),
    connect: connectBrowserWebSocket,
  });
  return { config, api, session, realtime };
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = use(ServicesContext);
  if (!services) throw new Error('useServices() must be used inside <ServicesContext>.');
  return services;
}
