import { startAnthropicMessagesServer } from '../../adapters/support/anthropic-messages-server';
import { readServerConfig, sendToParent, STOP } from '../http-load/server-messages';
import { DELAY_VARIABLE, KEY_VARIABLE } from './server-settings';

/**
 * Child process: the stand-in Anthropic Messages server (test/adapters/support), answering
 * every request after a fixed delay that plays the model's own time. In its own process so
 * the benchmark's client-side work and the server's do not share an event loop.
 */
try {
  readServerConfig();
  const server = await startAnthropicMessagesServer({
    apiKey: process.env[KEY_VARIABLE] ?? 'sk-ant-bench',
    delayMs: Number(process.env[DELAY_VARIABLE] ?? '300'),
    defaultToolInput: { caption: 'Spring sale!', hashtags: ['#spring'], tone: 'playful' },
  });
  process.on('message', (message) => {
    if (message !== STOP) return;
    void server.close().finally(() => process.exit(0));
  });
  sendToParent({ type: 'ready', url: server.url, database: 'none' });
} catch (error) {
  sendToParent({ type: 'failed', error: String((error as Error).stack ?? error) });
  process.exit(1);
}
