import type { ConnectSocket } from './socket';

/** Plugs the browser's WebSocket into RealtimeSocket. */
export const connectBrowserWebSocket: ConnectSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.addEventListener('open', () => handlers.onOpen());
  socket.addEventListener('message', (event: MessageEvent) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  });
  // 'error' is always followed by 'close', which carries the code; reconnecting happens there.
  socket.addEventListener('close', (event: CloseEvent) => handlers.onClose(event.code, event.reason));
  return {
    send: (data) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(data);
    },
    close: (code, reason) => socket.close(code, reason),
  };
};
