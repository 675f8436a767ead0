import type { AccessTokenStore } from '../api/access-token';
import type { ApiClient } from '../api/client';
import { unwrap } from '../api/client';
import { networkProblem, toApiProblem, type ApiProblem } from '../api/problem';
import type { Me, SessionGrant } from '../api/types';

/**
 * Who is signed in, kept in memory only. The access token lives in the token store; the
 * refresh token is an httpOnly cookie this code never sees. This module owns no DOM and no
 * React, so every rule below is unit-tested in Node with fake timers.
 */

/** Why the dashboard is signed out: shown on the sign-in page. */
export type SignedOutReason = 'signed-out' | 'expired' | 'account-deleted';

export type SessionState =
  /** Restoring the session from the refresh cookie at start-up. */
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: SignedOutReason }
  | { status: 'signed-in'; user: Me }
  /** The API could not be asked (offline, 5xx) while restoring: we do not know yet. */
  | { status: 'unreachable'; problem: ApiProblem };

export interface SessionTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Runs `task` while holding a lock named `name`, shared by every tab of this origin. */
export type LockRunner = <T>(name: string, task: () => Promise<T>) => Promise<T>;

/** Tells the other tabs of this origin about a sign-out, and hears theirs. */
export interface SessionBroadcast {
  post(message: SessionBroadcastMessage): void;
  subscribe(listener: (message: SessionBroadcastMessage) => void): () => void;
}

export type SessionBroadcastMessage = { type: 'signed-out' };

export interface SessionManagerOptions {
  api: ApiClient;
  tokens: AccessTokenStore;
  timers?: SessionTimers;
  lock?: LockRunner;
  broadcast?: SessionBroadcast;
  /** Refresh this long before the access token expires. Default 60 s. */
  refreshLeadSeconds?: number;
  /** After a refresh that could not reach the API, try again this much later. Default 30 s. */
  retryAfterFailureMs?: number;
}

/**
 * Rotating refresh tokens make concurrency dangerous: two refreshes presenting the same
 * cookie look like token theft to the server, which then revokes the whole session family.
 * So one refresh at a time per tab (a shared promise) and per browser (a Web Lock).
 */
export const REFRESH_LOCK = 'plume-session-refresh';

const defaultTimers: SessionTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

const noLock: LockRunner = (_name, task) => task();

/** When to refresh a token that lives `expiresIn` seconds: a minute ahead, or halfway for short ones. */
export function refreshDelayMs(expiresIn: number, leadSeconds: number): number {
  const seconds = expiresIn > 2 * leadSeconds ? expiresIn - leadSeconds : expiresIn / 2;
  return Math.max(1_000, Math.round(seconds * 1000));
}

type Listener = (state: SessionState) => void;

export class SessionManager {
  private state: SessionState = { status: 'loading' };
  private readonly listeners = new Set<Listener>();
  private readonly timers: SessionTimers;
  private readonly lock: LockRunner;
  private readonly leadSeconds: number;
  private readonly retryAfterFailureMs: number;
  private refreshTimer: unknown = null;
  private refreshing: Promise<boolean> | null = null;
  private restoring: Promise<void> | null = null;

  constructor(private readonly options: SessionManagerOptions) {
    this.timers = options.timers ?? defaultTimers;
    this.lock = options.lock ?? noLock;
    this.leadSeconds = options.refreshLeadSeconds ?? 60;
    this.retryAfterFailureMs = options.retryAfterFailureMs ?? 30_000;
    options.broadcast?.subscribe((message) => {
      if (message.type === 'signed-out' && this.state.status === 'signed-in') this.clear('signed-out');
    });
  }

  getState(): SessionState {
    return this.state;
  }

  /** The signed-in user, or null. */
  get user(): Me | null {
    return this.state.status === 'signed-in' ? this.state.user : null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Start-up: trade the refresh cookie for an access token. Called once per page load; later
   * calls share the first. `retry()` after "unreachable" asks again.
   */
  restore(): Promise<void> {
    this.restoring ??= this.refresh().then(() => undefined);
    return this.restoring;
  }

  /** Asks again after the API could not be reached at start-up. */
  retry(): Promise<void> {
    this.restoring = null;
    this.setState({ status: 'loading' });
    return this.restore();
  }

  /**
   * Rotates the refresh cookie for a new access token. Resolves true when signed in after
   * it. Concurrent callers share one request; see REFRESH_LOCK for why that matters.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.lock(REFRESH_LOCK, () => this.refreshNow()).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * For the API client: a request sent with `usedToken` got 401. When a newer token already
   * exists (another request refreshed meanwhile) that one is worth a retry; otherwise refresh.
   */
  async recoverToken(usedToken: string): Promise<string | null> {
    const current = this.options.tokens.get();
    if (current && current !== usedToken) return current;
    if (this.state.status !== 'signed-in') return null;
    return (await this.refresh()) ? this.options.tokens.get() : null;
  }

  signIn(body: { email: string; password: string }): Promise<Me> {
    return this.startSession(this.options.api.POST('/auth/login', { body }));
  }

  register(body: {
    email: string;
    password: string;
    firstName: string;
    lastName: string;
    organizationName: string;
    timezone?: string;
    acceptTerms: true;
  }): Promise<Me> {
    return this.startSession(this.options.api.POST('/auth/register', { body }));
  }

  acceptInvitation(body: {
    token: string;
    password: string;
    firstName?: string;
    lastName?: string;
    acceptTerms?: true;
  }): Promise<Me> {
    return this.startSession(this.options.api.POST('/invitations/accept', { body }));
  }

  /** Acts in another organization the user belongs to: a new token scoped to it. */
  switchOrganization(organizationId: string): Promise<Me> {
    return this.startSession(
      this.options.api.POST('/auth/switch-organization', { body: { organizationId } }),
    );
  }

  /**
   * Ends the session on the server (which clears the cookie) and here, and tells the other
   * tabs. Signed out locally even when the server cannot be reached: the user asked.
   */
  async signOut(reason: SignedOutReason = 'signed-out'): Promise<void> {
    try {
      await this.options.api.POST('/auth/logout');
    } catch {
      // Offline: the refresh cookie expires on its own; nothing here keeps the token.
    }
    this.clear(reason);
    this.options.broadcast?.post({ type: 'signed-out' });
  }

  /** Forgets the session locally (the server already ended it, e.g. account deleted). */
  endLocally(reason: SignedOutReason): void {
    this.clear(reason);
    this.options.broadcast?.post({ type: 'signed-out' });
  }

  /** After a change to the profile or organization: the user as the server now sees it. */
  updateUser(user: Me): void {
    if (this.state.status === 'signed-in') this.setState({ status: 'signed-in', user });
  }

  /** Reads the profile again (e.g. after the email was verified in this browser). */
  async reloadUser(): Promise<Me | null> {
    if (this.state.status !== 'signed-in') return null;
    const user = await unwrap(this.options.api.GET('/users/profile'));
    this.updateUser(user);
    return user;
  }

  /** Stops the refresh timer; for tests and page teardown. */
  dispose(): void {
    this.cancelTimer();
  }

  private async startSession(
    call: Promise<{ data?: SessionGrant; error?: unknown; response: Response }>,
  ): Promise<Me> {
    const grant = await unwrap(call);
    this.apply(grant);
    return grant.user;
  }

  private apply(grant: SessionGrant): void {
    this.options.tokens.set(grant.accessToken);
    this.setState({ status: 'signed-in', user: grant.user });
    this.schedule(refreshDelayMs(grant.expiresIn, this.leadSeconds));
  }

  private async refreshNow(): Promise<boolean> {
    let result: { data?: SessionGrant; error?: unknown; response: Response };
    try {
      result = await this.options.api.POST('/auth/refresh');
    } catch (error) {
      this.onRefreshUnreachable(networkProblem(error));
      return false;
    }
    const { data, error, response } = result;
    if (data && response.ok) {
      this.apply(data);
      return true;
    }
    const problem = toApiProblem(error, response);
    // 5xx and 429: the session may well be fine; the server could not say. Anything else
    // (401 no or stale cookie, 403 cross-site, 501 not built) means there is no session.
    if ((problem.status >= 500 && problem.status !== 501) || problem.status === 429) {
      this.onRefreshUnreachable(problem);
    } else {
      this.clear(this.state.status === 'signed-in' ? 'expired' : undefined);
    }
    return false;
  }

  private onRefreshUnreachable(problem: ApiProblem): void {
    if (this.state.status === 'signed-in') {
      // Keep the user on the page; the token may still work for a while. Try again soon.
      const waitMs = problem.retryAfterSeconds ? problem.retryAfterSeconds * 1000 : this.retryAfterFailureMs;
      this.schedule(waitMs);
    } else {
      this.setState({ status: 'unreachable', problem });
    }
  }

  private clear(reason: SignedOutReason | undefined): void {
    this.cancelTimer();
    this.options.tokens.set(null);
    this.setState(reason ? { status: 'signed-out', reason } : { status: 'signed-out' });
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.refreshTimer = this.timers.setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.refreshTimer !== null) {
      this.timers.clearTimeout(this.refreshTimer);
      this.refreshTimer = null;
    }
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }
}

export const isSignedIn = (state: SessionState): state is { status: 'signed-in'; user: Me } =>
  state.status === 'signed-in';
