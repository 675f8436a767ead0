/**
 * Meta reports how close an app, Page or business is to its rate limit in JSON headers on
 * most responses (https://developers.facebook.com/docs/graph-api/overview/rate-limiting):
 *
 * - `X-App-Usage` / `X-Page-Usage`: `{"call_count":28,"total_time":25,"total_cputime":25}`,
 *   each a percentage of the limit (Page usage may add `estimated_time_to_regain_access`);
 * - `X-Business-Use-Case-Usage`: `{"<business id>":[{"type":"pages","call_count":100,...,
 *   "estimated_time_to_regain_access":19}]}`, the wait in **minutes**.
 */
export interface GraphUsage {
  /** Highest percentage of any limit in any header (0 when no header was sent). */
  percent: number;
  /** When throttled, how long Meta says access stays blocked. */
  regainAccessSeconds?: number;
}

interface UsageEntry {
  call_count?: unknown;
  total_time?: unknown;
  total_cputime?: unknown;
  estimated_time_to_regain_access?: unknown;
}

function parseJson(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function entriesOf(headers: Headers): UsageEntry[] {
  const entries: UsageEntry[] = [];
  for (const name of ['x-app-usage', 'x-page-usage', 'x-ad-account-usage']) {
    const parsed = parseJson(headers.get(name));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) entries.push(parsed as UsageEntry);
  }
  const business = parseJson(headers.get('x-business-use-case-usage'));
  if (business && typeof business === 'object') {
    for (const list of Object.values(business as Record<string, unknown>)) {
      if (Array.isArray(list))
        entries.push(...(list.filter((item) => item && typeof item === 'object') as UsageEntry[]));
    }
  }
  return entries;
}

function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

export function graphUsage(headers: Headers): GraphUsage {
  let percent = 0;
  let regainMinutes: number | undefined;
  for (const entry of entriesOf(headers)) {
    for (const value of [entry.call_count, entry.total_time, entry.total_cputime]) {
      percent = Math.max(percent, asNumber(value) ?? 0);
    }
    const regain = asNumber(entry.estimated_time_to_regain_access);
    if (regain !== undefined && regain > 0) regainMinutes = Math.max(regainMinutes ?? 0, regain);
  }
  return { percent, regainAccessSeconds: regainMinutes === undefined ? undefined : regainMinutes * 60 };
}
