import { contractViolations } from './openapi-contract';

/**
 * A tiny HTTP client for API tests: JSON in and out, a cookie jar (the refresh cookie), an
 * optional bearer token, and headers a browser would add. Talks to a real local runtime.
 * Every response is checked against the OpenAPI document (status listed for the operation,
 * content type, body valid against the schema): a mismatch throws, failing the test there.
 */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  accessToken?: string;

  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = { 'sec-fetch-site': 'same-origin' },
  ) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    /** Sent as is instead of `body` as JSON (CSV, malformed JSON); set its content-type in `headers`. */
    raw?: string | Uint8Array,
  ): Promise<ApiResponse<T>> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...this.defaultHeaders,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      redirect: 'manual',
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      const cleared = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (!name) continue;
      if (cleared || value.join('=') === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    const text = await response.text();
    const violations = contractViolations({
      method,
      path,
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      body: text,
    });
    if (violations.length > 0)
      throw new Error(`The OpenAPI document is wrong, or the response is:\n${violations.join('\n')}`);
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get = <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
    this.call<T>('GET', path, undefined, headers);
  post = <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.call<T>('POST', path, body, headers);
  put = <T = Record<string, unknown>>(path: string, body?: unknown) => this.call<T>('PUT', path, body);
  delete = <T = Record<string, unknown>>(path: string, body?: unknown) => this.call<T>('DELETE', path, body);
}
