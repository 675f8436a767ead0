/**
 * The short-lived access token, held in memory only: never localStorage, where any
 * injected script could read it. The session manager (auth/session-manager.ts) sets it on
 * sign-in and after every refresh; after a reload it gets a fresh one from the httpOnly
 * refresh cookie. While nobody is signed in, requests go without an Authorization header.
 */
export interface AccessTokenStore {
  get(): string | null;
  set(token: string | null): void;
  /** Called on every change; returns the unsubscribe function. */
  subscribe(listener: (token: string | null) => void): () => void;
}

export function createAccessTokenStore(): AccessTokenStore {
  let current: string | null = null;
  const listeners = new Set<(token: string | null) => void>();
  return {
    get: () => current,
    set(token) {
      if (token === current) return;
      current = token;
      for (const listener of listeners) listener(token);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The dashboard's one token store. */
export const accessToken = createAccessTokenStore();
