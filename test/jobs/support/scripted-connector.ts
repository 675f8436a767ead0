import type {
  AccountCredentials,
  Connector,
  PlatformLimits,
  PostDraft,
  PublishedPost,
  PublishedPostLookup,
  PublishedPostQuery,
  ValidationIssue,
} from '../../../functions/platforms/connector';

export const SCRIPTED_LIMITS: PlatformLimits = {
  maxTextLength: 280,
  textCounting: 'graphemes',
  maxImages: 4,
  maxVideos: 1,
  maxImageBytes: 5_000_000,
  maxVideoBytes: 100_000_000,
  mixedMedia: false,
  supportsThreads: true,
  supportsFirstComment: false,
  requiresMedia: false,
};

/** One scripted answer of `publish`: a result, or an error to throw. */
export type ScriptStep = PublishedPost | Error | ((draft: PostDraft) => Promise<PublishedPost>);

/**
 * A connector whose `publish` follows a script, recording every call, so the publisher's
 * handling of each platform answer is tested without a network. Validation is real enough
 * to refuse: 280 graphemes, no empty text.
 */
export class ScriptedConnector implements Connector {
  readonly platform = 'sandbox' as const;
  readonly displayName = 'Scripted';
  readonly connect = {
    kind: 'app-password' as const,
    login: async () => {
      throw new Error('not used');
    },
  };
  readonly calls: PostDraft[] = [];
  private readonly script: ScriptStep[] = [];
  private counter = 0;

  then(...steps: ScriptStep[]): this {
    this.script.push(...steps);
    return this;
  }

  limits(): PlatformLimits {
    return SCRIPTED_LIMITS;
  }

  validate(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
    const used = [...new Intl.Segmenter().segment(draft.text)].length;
    const issues: ValidationIssue[] = [];
    if (used > limits.maxTextLength) {
      issues.push({
        field: 'text',
        code: 'text_too_long',
        message: `The post is ${used} characters; the limit is ${limits.maxTextLength}.`,
        severity: 'error',
        used,
        limit: limits.maxTextLength,
      });
    }
    if (draft.text.trim() === '' && draft.media.length === 0)
      issues.push({ field: 'text', code: 'empty', message: 'Write something.', severity: 'error' });
    return issues;
  }

  async publish(_credentials: unknown, draft: PostDraft): Promise<PublishedPost> {
    this.calls.push(draft);
    const step = this.script.shift();
    this.counter += 1;
    if (step === undefined)
      return { platformPostId: `post-${this.counter}`, url: `https://sandbox.test/p/${this.counter}` };
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(draft);
    return step;
  }

  async fetchMetrics(): Promise<never[]> {
    return [];
  }
}

/** One scripted answer of `findPublished`: an answer, or an error to throw. */
export type LookupStep = PublishedPostLookup | Error;

/**
 * A scripted connector whose network can be searched: `findPublished` follows its own script
 * (an empty, authoritative answer when the script runs out), recording every query.
 */
export class LookingConnector extends ScriptedConnector {
  readonly queries: PublishedPostQuery[] = [];
  private readonly answers: LookupStep[] = [];
  publishTimeoutMs?: number;
  lookupSettleMs = 0;

  answer(...steps: LookupStep[]): this {
    this.answers.push(...steps);
    return this;
  }

  async findPublished(
    _credentials: AccountCredentials,
    query: PublishedPostQuery,
  ): Promise<PublishedPostLookup> {
    this.queries.push(query);
    const step = this.answers.shift();
    if (step instanceof Error) throw step;
    return step ?? { matches: [], authoritative: true, searched: 'the scripted network' };
  }
}
