import type { BenchOptions, TargetCheck } from '../benchmark';
import { formatMs } from '../format';
import type { LoadResult } from '../http-load/load';

/** What issue 9 asks of a posts route. */
export interface RouteGoal {
  name: string;
  /** Least share of the baseline's req/s (0.25 = 25%). */
  minShare: number;
  /** Reads also have a latency bar: p95 <= 50 ms at 50 connections. */
  read: boolean;
}

export const READ_P95_LIMIT_MS = 50;
export const READ_P95_CONNECTIONS = 50;

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** Each route's share of the baseline's req/s, and each read's p95, against the bars. */
export function postsApiTargets(
  measured: Array<{ route: RouteGoal; result: LoadResult }>,
  baseline: LoadResult,
  options: BenchOptions,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const { route, result } of measured) {
    const share = result.requestsPerSecond / baseline.requestsPerSecond;
    checks.push({
      name: `${route.name} req/s vs baseline`,
      target: `>= ${percent(route.minShare)}`,
      measured: `${percent(share)} (${Math.round(result.requestsPerSecond)} / ${Math.round(baseline.requestsPerSecond)} req/s)`,
      met: result.errors + result.non2xx === 0 && share >= route.minShare,
      ...(result.errors + result.non2xx > 0 ? { note: 'errors or non-2xx under load' } : {}),
    });
  }
  for (const { route, result } of measured.filter((m) => m.route.read)) {
    const judged = options.connections === READ_P95_CONNECTIONS;
    checks.push({
      name: `${route.name} p95`,
      target: `<= ${READ_P95_LIMIT_MS} ms at ${READ_P95_CONNECTIONS} connections`,
      measured: `${formatMs(result.latencyMs.p95)} at ${options.connections}`,
      met: judged ? result.latencyMs.p95 <= READ_P95_LIMIT_MS : undefined,
      ...(judged ? {} : { note: `run with --connections ${READ_P95_CONNECTIONS} to judge` }),
    });
  }
  return checks;
}
