import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useServices } from '../app/services';
import type { ConnectionState, MessageHandler } from './socket';

/** The live connection's state; re-renders when it changes. */
export function useRealtimeState(): ConnectionState {
  const { realtime } = useServices();
  return useSyncExternalStore(
    (onChange) => realtime.onStateChange(onChange),
    () => realtime.getState(),
  );
}

/** Calls `handler` for every server message of `type` while the component is mounted. */
export function useRealtimeMessage(type: string, handler: MessageHandler): void {
  const { realtime } = useServices();
  // The latest handler without resubscribing on every render.
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () => realtime.onMessage(type, (data, message) => latest.current(data, message)),
    [realtime, type],
  );
}
