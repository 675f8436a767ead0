import type { LockRunner, SessionBroadcast, SessionBroadcastMessage } from './session-manager';

/** Web Locks serialise token refreshes across tabs; browsers without them run the task directly. */
export const browserLock: LockRunner = async <T>(name: string, task: () => Promise<T>): Promise<T> => {
  if (typeof navigator === 'undefined' || !navigator.locks) return task();
  // The lock is held until the callback's promise settles; the result is carried out by hand
  // because the DOM typings do not unwrap a promise-returning callback.
  let result!: T;
  await navigator.locks.request(name, async () => {
    result = await task();
  });
  return result;
};

/** A sign-out in one tab signs out every tab of this origin at once. */
export function browserBroadcast(): SessionBroadcast | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel('plume-session');
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      const onMessage = (event: MessageEvent<SessionBroadcastMessage>) => listener(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}
