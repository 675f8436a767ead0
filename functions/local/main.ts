import { startLocalRuntime } from './runtime';

/** `npm start`: one process, Ctrl-C stops it cleanly (in-flight work finishes first). */
const runtime = await startLocalRuntime();
console.log(`\n  Plume is ready: ${runtime.url}\n  API reference: ${runtime.url}/api/docs\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n  ${signal} received, shutting down...`);
    runtime
      .stop()
      .then(() => process.exit(0))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  });
}
