import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { createAwsContainer } from '../../functions/adapters/aws';
import { portDefines } from '../../lib/bundled-ports';
import { REPO_ROOT } from '../../lib/paths';

// Inside the repository so the bundle's externals resolve; out of git's way.
// cdk.out does not exist on a fresh clone until a synth has run.
mkdirSync(join(REPO_ROOT, 'cdk.out'), { recursive: true });
const outDir = mkdtempSync(join(REPO_ROOT, 'cdk.out', 'aws-wiring-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/**
 * The AWS container bundled as a WebSocket function is (lib/realtime-functions.ts): outside
 * the VPC, only the Realtime port. The switched-off ports must leave the bundle and answer
 * "unavailable" when called, naming the setting the function lacks.
 */
describe('the AWS container with ports switched off at build time', () => {
  it('leaves their adapters and SDKs out and makes each call say why it cannot run', async () => {
    const entry = join(outDir, 'entry.ts');
    writeFileSync(
      entry,
      [
        `import { createAwsContainer } from ${JSON.stringify(join(REPO_ROOT, 'functions/adapters/aws/index.ts'))};`,
        `import { loadEnv } from ${JSON.stringify(join(REPO_ROOT, 'functions/config/env.ts'))};`,
        'export const build = () => createAwsContainer(loadEnv({',
        "  PLUME_RUNTIME: 'aws', TABLE_NAME: 't', WS_CALLBACK_URL: 'https://example.com/ws',",
        "  MEDIA_BUCKET: 'b', KMS_KEY_ID: 'k', QUEUE_URLS: '{}',",
        '}));',
      ].join('\n'),
    );
    const { metafile } = await build({
      absWorkingDir: REPO_ROOT,
      entryPoints: [entry],
      outfile: join(outDir, 'index.mjs'),
      bundle: true,
      metafile: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      external: ['@electric-sql/pglite', 'drizzle-orm/pglite', 'drizzle-orm/pglite/migrator'],
      banner: {
        js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      },
      define: portDefines({ database: false, capabilities: ['realtime'] }),
      logLevel: 'silent',
    });
    // What is in the output, not every file parsed on the way (tree-shaken ones count 0 bytes).
    const inputs = Object.values(metafile.outputs)
      .flatMap((output) => Object.entries(output.inputs))
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path)
      .join('\n');
    for (const gone of [
      '@aws-sdk/client-s3/',
      '@aws-sdk/client-kms/',
      '@aws-sdk/client-sesv2/',
      '@aws-sdk/client-sqs/',
      '@aws-sdk/client-scheduler/',
      '@aws-sdk/client-bedrock-runtime/',
      '@anthropic-ai/sdk/',
      'stripe/',
      'postgres/',
      'functions/db/client.ts',
    ]) {
      expect(inputs, gone).not.toContain(gone);
    }
    expect(inputs).toContain('@aws-sdk/client-apigatewaymanagementapi/');

    const bundled = (await import(pathToFileURL(join(outDir, 'index.mjs')).href)) as {
      build: typeof createAwsContainer extends (...args: never[]) => infer R ? () => R : never;
    };
    const container = await bundled.build();
    await expect(container.media.put('k', Buffer.from('x'), 'text/plain')).rejects.toThrow(
      /put\(\) is unavailable: MEDIA_BUCKET/,
    );
    await expect(container.crypto.encrypt('x', { organizationId: 'o' })).rejects.toThrow(/KMS_KEY_ID/);
    await expect(container.queue.send('jobs', {})).rejects.toThrow(/QUEUE_URLS/);
    await expect(container.llm.complete({} as never)).rejects.toThrow(/LLM_PROVIDER/);
    await expect(container.embedder.embed(['x'])).rejects.toThrow(/LLM_PROVIDER/);
    expect(() => container.db.select()).toThrow();
    expect(typeof container.realtime.broadcast).toBe('function');
  }, 60_000);
});
