import { join } from 'node:path';
import { startLocalRuntime } from '../../../functions/local/runtime';
import { readServerConfig, sendToParent, STOP } from './server-messages';

/**
 * Child process: the whole local runtime (`npm start` without the dashboard build), so the
 * load generator in the parent does not share its event loop.
 */
try {
  const config = readServerConfig();
  const runtime = await startLocalRuntime({
    port: 0,
    host: '127.0.0.1',
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    webDist: join(config.dataDir, 'no-dashboard'),
  });
  process.on('message', (message) => {
    if (message !== STOP) return;
    runtime
      .stop()
      .catch((error: unknown) => console.error('stop failed', error))
      .finally(() => process.exit(0));
  });
  sendToParent({ type: 'ready', url: runtime.url, database: config.databaseUrl ? 'postgres' : 'pglite' });
} catch (error) {
  sendToParent({ type: 'failed', error: String((error as Error).stack ?? error) });
  process.exit(1);
}
