import { createHash } from 'node:crypto';
import { PlatformError, type AccountCredentials, type PostDraft, type PublishedPost } from '../connector';
import { normalizeSandboxHandle } from './account';
import { sandboxAccessToken } from './connect';
import { parseSandboxMarkers, type SandboxFailure } from '../../shared/platforms/sandbox/failure-markers';
import { SANDBOX_LIMITS } from '../../shared/platforms/sandbox/limits';
import {
  SANDBOX_RATE_LIMIT_RESET_SECONDS,
  SANDBOX_SLOW_RESPONSE_MS,
  SANDBOX_TRANSIENT_RETRY_SECONDS,
  sandboxPostUrl,
  type SandboxRuntime,
} from './runtime';
import {
  clearPublishAttempts,
  countPublishAttempt,
  findSandboxAccount,
  insertSandboxPosts,
  sandboxPostIdFor,
  type SandboxAccount,
} from './store';
import { validateSandboxDraft } from '../../shared/platforms/sandbox/validate';

/** The error the network answers for a simulated failure, worded like a platform's own. */
export function simulatedFailure(kind: Exclude<SandboxFailure, 'unknown'>, marker: string): PlatformError {
  switch (kind) {
    case 'transient':
      return new PlatformError(
        'transient',
        `Sandbox: service temporarily unavailable (simulated by ${marker})`,
        {
          status: 503,
          retryAfterSeconds: SANDBOX_TRANSIENT_RETRY_SECONDS,
          platformCode: 'simulated_unavailable',
        },
      );
    case 'ratelimit':
      return new PlatformError(
        'rate_limited',
        `Sandbox: too many posts, slow down (simulated by ${marker})`,
        {
          status: 429,
          retryAfterSeconds: SANDBOX_RATE_LIMIT_RESET_SECONDS,
          platformCode: 'simulated_rate_limit',
        },
      );
    case 'auth':
      return new PlatformError('auth', `Sandbox: the access token was revoked (simulated by ${marker})`, {
        status: 401,
        platformCode: 'simulated_revoked_token',
      });
    case 'permanent':
      return new PlatformError(
        'permanent',
        `Sandbox: this post breaks the network's rules (simulated by ${marker})`,
        {
          status: 400,
          platformCode: 'simulated_rejection',
        },
      );
  }
}

/** The account a call acts as; a token that does not match its account is an auth failure, as anywhere. */
export async function authenticatedAccount(
  runtime: SandboxRuntime,
  credentials: AccountCredentials,
): Promise<SandboxAccount> {
  const handle = normalizeSandboxHandle(credentials.handle ?? credentials.accountId);
  if (!handle || credentials.accessToken !== sandboxAccessToken(handle)) {
    throw new PlatformError(
      'auth',
      'Sandbox: the access token is not valid for this account; connect it again.',
      { status: 401 },
    );
  }
  const account = await findSandboxAccount(await runtime.database(), handle);
  if (!account) {
    throw new PlatformError('auth', `Sandbox: the account @${handle} no longer exists; connect it again.`, {
      status: 401,
    });
  }
  return account;
}

function draftFingerprint(handle: string, draft: PostDraft): string {
  const content = JSON.stringify([
    draft.text,
    draft.thread ?? [],
    draft.firstComment ?? '',
    draft.media.map((m) => m.url),
  ]);
  return `${handle}:${createHash('sha256').update(content).digest('hex')}`;
}

interface FollowUpPlan {
  posts: { kind: 'reply' | 'comment'; text: string }[];
  warnings: string[];
}

/** Which follow-ups go out: a reply carrying a failure marker fails, and the thread stops there. */
function planFollowUps(draft: PostDraft): FollowUpPlan {
  const plan: FollowUpPlan = { posts: [], warnings: [] };
  const replies = draft.thread ?? [];
  for (const [index, text] of replies.entries()) {
    const failure = parseSandboxMarkers(text).failure;
    if (failure) {
      const rest = replies.length - index - 1;
      plan.warnings.push(
        `Reply ${index + 1} was not posted: the Sandbox network answered a simulated ${failure.kind} failure` +
          (rest > 0 ? `; the ${rest} reply(ies) after it were not posted either.` : '.'),
      );
      break;
    }
    plan.posts.push({ kind: 'reply', text });
  }
  const comment = draft.firstComment?.trim() ? draft.firstComment : undefined;
  if (comment !== undefined) {
    const failure = parseSandboxMarkers(comment).failure;
    if (failure)
      plan.warnings.push(
        `The first comment was not posted: the Sandbox network answered a simulated ${failure.kind} failure.`,
      );
    else plan.posts.push({ kind: 'comment', text: comment });
  }
  return plan;
}

/**
 * Publishes a draft: checks the session, applies the network's rules, plays any failure
 * marker, then stores the post and its follow-ups. A counted marker (`#fail-transient-2`)
 * fails that exact draft's first attempts, then lets it through.
 */
export async function publishToSandbox(
  runtime: SandboxRuntime,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const account = await authenticatedAccount(runtime, credentials);
  const errors = validateSandboxDraft(draft, SANDBOX_LIMITS).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    throw new PlatformError('permanent', `Sandbox: ${errors.map((issue) => issue.message).join(' ')}`, {
      status: 400,
      platformCode: errors[0]?.code,
    });
  }

  const db = await runtime.database();
  const markers = parseSandboxMarkers(draft.text);
  const failure = markers.failure;
  const attemptKey = draftFingerprint(account.handle, draft);
  if (failure && failure.kind !== 'unknown') {
    const marker = `#fail-${failure.kind}${failure.times === undefined ? '' : `-${failure.times}`}`;
    if (failure.times === undefined) throw simulatedFailure(failure.kind, marker);
    const attempt = await countPublishAttempt(db, attemptKey, runtime.context.clock.now());
    if (attempt <= failure.times)
      throw simulatedFailure(failure.kind, `${marker}, attempt ${attempt} of ${failure.times}`);
  }

  const plan = planFollowUps(draft);
  const media = draft.media.map((item) => ({
    kind: item.kind,
    url: item.url,
    mimeType: item.mimeType,
    ...(item.altText ? { altText: item.altText } : {}),
  }));
  const ids = await insertSandboxPosts(
    db,
    account,
    runtime.context.clock.now(),
    { text: draft.text, media },
    plan.posts,
    draft.idempotencyKey ? sandboxPostIdFor(account.handle, draft.idempotencyKey) : undefined,
  );
  if (failure?.times !== undefined) await clearPublishAttempts(db, attemptKey);
  const [platformPostId, ...followUpIds] = ids as [string, ...string[]];

  // The post exists from here on: the failures below only lose the answer, as a real timeout would.
  if (failure?.kind === 'unknown') {
    throw new PlatformError(
      'unknown_outcome',
      'Sandbox: the connection dropped after the post was sent (simulated by #fail-unknown); the post may or may not exist',
      {
        platformCode: 'simulated_lost_response',
      },
    );
  }
  if (markers.slow) {
    if (SANDBOX_SLOW_RESPONSE_MS >= runtime.timeoutMs) {
      await runtime.sleep(runtime.timeoutMs);
      throw new PlatformError(
        'unknown_outcome',
        `Sandbox: no answer within ${runtime.timeoutMs} ms (simulated by #slow); the post may or may not exist`,
        {
          platformCode: 'simulated_timeout',
        },
      );
    }
    await runtime.sleep(SANDBOX_SLOW_RESPONSE_MS);
  }

  const base = await runtime.publicUrl();
  return {
    platformPostId,
    url: sandboxPostUrl(base, platformPostId),
    ...(followUpIds.length > 0 ? { followUpIds } : {}),
    ...(plan.warnings.length > 0 ? { warnings: plan.warnings } : {}),
  };
}
