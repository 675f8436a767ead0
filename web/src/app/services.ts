import { createContext, use } from 'react';
import { accessToken } from '../api/access-token';
import { createApiClient, type ApiClient } from '../api/client';
import type { RuntimeConfig } from '../config/runtime-config';
import { connectBrowserWebSocket } from '../realtime/browser-websocket';
import { RealtimeSocket } from '../realtime/socket';
import { fetchWebSocketTicket } from '../realtime/ticket';

/** The dashboard's composition root: one of each per page load. */
export interface AppServices {
  config: RuntimeConfig;
  api: ApiClient;
  realtime: RealtimeSocket;
}

export function createServices(config: RuntimeConfig): AppServices {
  const api = createApiClient({ baseUrl: config.apiUrl, tokens: accessToken });
  const realtime = new RealtimeSocket({
    url: config.wsUrl,
    getTicket: () => fetchWebSocketTicket(api),
    connect: connectBrowserWebSocket,
  });
  return { config, api, realtime };
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = use(ServicesContext);
  if (!services) throw new Error('useServices() must be used inside <ServicesContext>.');
  return services;
}
