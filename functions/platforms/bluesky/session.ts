import { decodeJwt } from 'jose';
import * as z from 'zod';
import {
  PlatformError,
  type AccountCredentials,
  type AccountProfile,
  type AppPasswordFlow,
  type TokenSet,
} from '../connector';
import { serviceOrigin, type BlueskyRuntime } from './runtime';
import { readBody, xrpc } from './xrpc';

/**
 * `com.atproto.server.createSession` / `refreshSession` output. `didDoc` names the PDS that
 * actually hosts the repository (https://docs.bsky.app/docs/advanced-guides/entryway).
 */
const session = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().optional(),
  handle: z.string().min(1),
  did: z.string().startsWith('did:'),
  didDoc: z.unknown().optional(),
  active: z.boolean().optional(),
  status: z.string().optional(),
});
type Session = z.infer<typeof session>;

const profileRecord = z.object({
  cid: z.string().optional(),
  value: z.object({
    displayName: z.string().optional(),
    avatar: z.object({ ref: z.object({ $link: z.string() }) }).optional(),
  }),
});

/**
 * The scope a PDS writes into a session's access JWT. An account password yields full
 * access; an app password yields `com.atproto.appPass` (or `...appPassPrivileged` when it
 * may read DMs) (@atproto/pds `AuthScope`).
 */
const FULL_ACCESS_SCOPE = 'com.atproto.access';

interface JwtFacts {
  expiresAt?: Date;
  scope?: string;
}

/** Reads `exp` and `scope` without verifying: the PDS verifies; Plume only schedules refreshes. */
function jwtFacts(token: string | undefined): JwtFacts {
  if (!token) return {};
  try {
    const claims = decodeJwt(token);
    return {
      expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined,
      scope: typeof claims.scope === 'string' ? claims.scope : undefined,
    };
  } catch {
    return {}; // Not a JWT (another PDS implementation): no schedule, refresh on 400 ExpiredToken.
  }
}

function tokenSet(body: Session, previousRefreshToken?: string): TokenSet {
  const access = jwtFacts(body.accessJwt);
  // Never replace a stored refresh token with nothing.
  const refreshToken = body.refreshJwt || previousRefreshToken;
  return {
    accessToken: body.accessJwt,
    refreshToken,
    expiresAt: access.expiresAt,
    refreshTokenExpiresAt: jwtFacts(refreshToken).expiresAt,
    scopes: access.scope ? access.scope.split(/\s+/).filter(Boolean) : [],
  };
}

/** The `#atproto_pds` service endpoint of a DID document, if it has one. */
export function pdsFromDidDoc(didDoc: unknown): string | undefined {
  const services = (didDoc as { service?: unknown } | undefined)?.service;
  if (!Array.isArray(services)) return undefined;
  for (const service of services as { id?: unknown; type?: unknown; serviceEndpoint?: unknown }[]) {
    const id = typeof service?.id === 'string' ? service.id : '';
    if (
      (id === '#atproto_pds' || id.endsWith('#atproto_pds')) &&
      typeof service.serviceEndpoint === 'string'
    ) {
      return service.serviceEndpoint;
    }
  }
  return undefined;
}

function refuseInactive(body: Session): void {
  if (body.active === false) {
    throw new PlatformError(
      'auth',
      `Bluesky: the account is ${body.status ?? 'not active'}; it cannot post`,
      {
        platformCode: body.status,
      },
    );
  }
}

/** Display name and avatar from the repository's own profile record; cosmetic, so failures are ignored. */
async function readProfile(
  runtime: BlueskyRuntime,
  pds: string,
  body: Session,
): Promise<Pick<AccountProfile, 'name' | 'avatarUrl'>> {
  try {
    const response = await xrpc(runtime, {
      method: 'GET',
      base: pds,
      nsid: 'com.atproto.repo.getRecord',
      params: { repo: body.did, collection: 'app.bsky.actor.profile', rkey: 'self' },
      action: 'read the profile',
    });
    const record = readBody(profileRecord, response, 'read the profile').value;
    const avatar = record.avatar?.ref.$link;
    return {
      name: record.displayName?.trim() || body.handle,
      avatarUrl: avatar
        ? `${runtime.endpoints.cdn}/img/avatar/plain/${encodeURIComponent(body.did)}/${encodeURIComponent(avatar)}@jpeg`
        : undefined,
    };
  } catch (error) {
    runtime.context.logger.info('Bluesky profile record not read; using the handle as the name', {
      did: body.did,
      reason: (error as Error).message,
    });
    return { name: body.handle };
  }
}

/** Ends a session Plume must not keep; best effort, since the tokens are discarded anyway. */
async function deleteSession(
  runtime: BlueskyRuntime,
  entryway: string,
  refreshJwt: string | undefined,
): Promise<void> {
  if (!refreshJwt) return;
  try {
    await xrpc(runtime, {
      method: 'POST',
      base: entryway,
      nsid: 'com.atproto.server.deleteSession',
      token: refreshJwt,
      action: 'end the session',
    });
  } catch (error) {
    runtime.context.logger.warn('Bluesky session with full account access could not be ended', {
      reason: (error as Error).message,
    });
  }
}

/**
 * Connects an account with an app password (Settings → Privacy and security → App passwords)
 * through `com.atproto.server.createSession`. Plume keeps the session's JWTs, never the
 * password, and refuses the account's main password: an app password can be revoked on its
 * own and cannot change the account's settings.
 */
export function createBlueskyLogin(runtime: BlueskyRuntime): AppPasswordFlow {
  return {
    kind: 'app-password',
    async login({ identifier, password, serviceUrl }) {
      const entryway = serviceOrigin(runtime, serviceUrl ?? runtime.endpoints.service);
      const response = await xrpc(runtime, {
        method: 'POST',
        base: entryway,
        nsid: 'com.atproto.server.createSession',
        body: { identifier: identifier.trim().replace(/^@/, ''), password },
        action: 'sign in',
      });
      const body = readBody(session, response, 'sign in');
      const tokens = tokenSet(body);
      if (tokens.scopes.includes(FULL_ACCESS_SCOPE)) {
        await deleteSession(runtime, entryway, body.refreshJwt);
        throw new PlatformError(
          'auth',
          'Bluesky: that is the account password. Create an app password in Bluesky (Settings → Privacy and security → App passwords) and use it here.',
          { platformCode: 'AccountPasswordRefused' },
        );
      }
      refuseInactive(body);
      const announced = pdsFromDidDoc(body.didDoc);
      const pds = announced ? serviceOrigin(runtime, announced) : entryway;
      const { name, avatarUrl } = await readProfile(runtime, pds, body);
      return {
        tokens,
        profile: {
          accountId: body.did,
          name,
          handle: body.handle,
          avatarUrl,
          profileUrl: `${runtime.endpoints.web}/profile/${body.handle}`,
          serviceUrl: pds,
          // Sessions are refreshed where they were issued (the entryway for bsky.social).
          extra: { entryway },
        },
      };
    },
  };
}

/** Where a stored account's session is refreshed: the entryway it signed in at, else its PDS. */
export function entrywayOf(runtime: BlueskyRuntime, credentials: AccountCredentials): string {
  const stored = credentials.extra?.entryway;
  return serviceOrigin(
    runtime,
    typeof stored === 'string' ? stored : (credentials.serviceUrl ?? runtime.endpoints.service),
  );
}

/**
 * `com.atproto.server.refreshSession` with the refresh JWT. The PDS rotates the refresh
 * token on each use; when an implementation returns none, the stored one is kept. Call it
 * ahead of `expiresAt` (access JWTs last about two hours on Bluesky's PDSes).
 */
export async function refreshBlueskySession(
  runtime: BlueskyRuntime,
  credentials: AccountCredentials,
): Promise<TokenSet> {
  if (!credentials.refreshToken) {
    throw new PlatformError('auth', 'Bluesky: the account has no refresh token; connect it again');
  }
  const response = await xrpc(runtime, {
    method: 'POST',
    base: entrywayOf(runtime, credentials),
    nsid: 'com.atproto.server.refreshSession',
    token: credentials.refreshToken,
    action: 'renew the session',
  });
  const body = readBody(session, response, 'renew the session');
  refuseInactive(body);
  const pds = pdsFromDidDoc(body.didDoc);
  if (pds && credentials.serviceUrl && new URL(pds).origin !== new URL(credentials.serviceUrl).origin) {
    // The account moved to another PDS; the entryway keeps forwarding, but reconnecting is cheaper per call.
    runtime.context.logger.warn('Bluesky account now lives on another PDS', {
      did: body.did,
      stored: credentials.serviceUrl,
      announced: pds,
    });
  }
  return tokenSet(body, credentials.refreshToken);
}
