/** The few API calls the benchmarks make, as a signed-in person would. */
export interface TargetState {
  id: string;
  status: string;
  errorCode: string | null;
  platformPostId: string | null;
  content: string;
  handle: string | null;
  /** The last transition: for a settled target, when it settled. */
  updatedAt: string;
}

export class BenchApi {
  private token = '';

  constructor(private readonly url: string) {}

  /** The signed-in person's access token (for a load generator's Authorization header). */
  get accessToken(): string {
    return this.token;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  private async expect<T>(method: string, path: string, status: number, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    if (answer.status !== status)
      throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Another process, same person: the access token is a JWT, valid across the restart. */
  withUrl(url: string): BenchApi {
    const api = new BenchApi(url);
    api.token = this.token;
    return api;
  }

  /** Registers a new person with a new organization and signs in as them. */
  async register(organizationName = 'Recovery'): Promise<{ organizationId: string; userId: string }> {
    const body = await this.expect<{
      accessToken: string;
      user: { id: string; organization: { id: string } };
    }>('POST', '/api/auth/register', 201, {
      email: `bench-${crypto.randomUUID().slice(0, 8)}@example.test`,
      password: 'correct horse battery staple 42!',
      firstName: 'Bench',
      lastName: 'Mark',
      organizationName,
      acceptTerms: true,
    });
    this.token = body.accessToken;
    return { organizationId: body.user.organization.id, userId: body.user.id };
  }

  async createPost(content: string, socialAccountId: string): Promise<string> {
    const body = await this.expect<{ id: string }>('POST', '/api/posts', 201, {
      content,
      targets: [{ socialAccountId }],
    });
    return body.id;
  }

  async connectSandbox(handle: string): Promise<string> {
    const body = await this.expect<{ account: { id: string } }>('POST', '/api/social-accounts/connect', 201, {
      platform: 'sandbox',
      identifier: handle,
    });
    return body.account.id;
  }

  async bulkSchedule(
    rows: Array<{ content: string; socialAccountIds: string[]; at: string }>,
  ): Promise<void> {
    await this.expect('POST', '/api/posts/bulk-schedule', 201, rows);
  }

  /** Every target of the organization's posts (one page of up to 100 posts). */
  async targets(): Promise<TargetState[]> {
    const body = await this.expect<{
      posts: Array<{
        content: string;
        targets: Array<{
          id: string;
          status: string;
          errorCode: string | null;
          platformPostId: string | null;
          accountHandle: string | null;
          updatedAt: string;
        }>;
      }>;
    }>('GET', '/api/posts?limit=100', 200);
    return body.posts.flatMap((post) =>
      post.targets.map((t) => ({
        id: t.id,
        status: t.status,
        errorCode: t.errorCode,
        platformPostId: t.platformPostId,
        content: post.content,
        handle: t.accountHandle,
        updatedAt: t.updatedAt,
      })),
    );
  }
}

/** Done: nothing more will happen to it without a person (a person asked to check counts too). */
export function isSettled(target: TargetState): boolean {
  if (target.status === 'unconfirmed') return target.errorCode !== 'awaiting_lookup';
  return ['published', 'failed', 'missed', 'cancelled'].includes(target.status);
}
