import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime } from '../../../functions/local/runtime';

export interface BenchRuntime {
  runtime: LocalRuntime;
  token: string;
  organizationId: string;
  stop(): Promise<void>;
}

/** A local runtime on the real clock with one registered person (benchmarks measure real time). */
export async function startBenchRuntime(
  databaseUrl: string | undefined,
  schedulerIntervalMs = 250,
): Promise<BenchRuntime> {
  const dataDir = await mkdtemp(join(tmpdir(), 'plume-bench-'));
  // Measure the API, not the per-user limiter (600/min would turn the load into 429s).
  process.env.API_RATE_LIMIT_PER_MINUTE ??= '100000000';
  const runtime = await startLocalRuntime({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl,
    webDist: join(dataDir, 'no-web'),
    schedulerIntervalMs,
  });
  const response = await fetch(`${runtime.url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({
      email: `bench-${crypto.randomUUID().slice(0, 8)}@example.test`,
      password: 'correct horse battery staple 42!',
      firstName: 'Bench',
      lastName: 'Mark',
      organizationName: 'Benchmarks',
      acceptTerms: true,
    }),
  });
  if (response.status !== 201)
    throw new Error(`register failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string; user: { organization: { id: string } } };
  return {
    runtime,
    token: body.accessToken,
    organizationId: body.user.organization.id,
    stop: async () => {
      await runtime.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
