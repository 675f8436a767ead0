import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { Database } from '../../../functions/db/client';
import { connectorContext } from '../../../functions/platforms/registry';
import { createSandboxRuntime } from '../../../functions/platforms/sandbox/runtime';
import { captureLogger } from '../../support/logger';

// Only compared by identity: the runtime hands back what it was given.
const containerDb = { name: 'container database' } as unknown as Database;
const optionDb = { name: 'option database' } as unknown as Database;
const base = () => ({ fetch, clock: new ManualClock('2026-05-01T00:00:00Z'), logger: captureLogger() });

describe('the Sandbox finds its database and public address in its context', () => {
  it('takes both from the context the registry builds out of a container', async () => {
    const context = connectorContext({
      clock: new ManualClock('2026-05-01T00:00:00Z'),
      logger: captureLogger(),
      db: containerDb,
      env: { PUBLIC_URL: 'http://127.0.0.1:4321/' },
    });
    expect(context.database).toBe(containerDb);
    const runtime = createSandboxRuntime(context);
    expect(await runtime.database()).toBe(containerDb);
    expect(await runtime.publicUrl()).toBe('http://127.0.0.1:4321');
  });

  it('prefers the options, then the web endpoint, over the context', async () => {
    const context = { ...base(), database: containerDb, publicUrl: 'https://context.example' };
    const runtime = createSandboxRuntime(context, { db: optionDb, publicUrl: 'https://option.example/' });
    expect(await runtime.database()).toBe(optionDb);
    expect(await runtime.publicUrl()).toBe('https://option.example');
    const web = createSandboxRuntime({ ...context, endpoints: { web: 'https://web.example' } });
    expect(await web.publicUrl()).toBe('https://web.example');
    const lazy = createSandboxRuntime(context, { db: async () => optionDb });
    expect(await lazy.database()).toBe(optionDb);
  });

  it('says what is missing rather than reaching for a process-wide container', async () => {
    const runtime = createSandboxRuntime(base());
    await expect(runtime.database()).rejects.toThrow(/needs a database/);
    await expect(runtime.publicUrl()).rejects.toThrow(/public URL/);
  });
});
