/**
 * The short-lived access token, held in memory only: never localStorage, where any
 * injected script could read it. After a reload the auth module gets a fresh one from the
 * httpOnly refresh cookie. Until that module exists nothing sets it and requests go
 * without an Authorization header.
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
