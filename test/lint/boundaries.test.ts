import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction in eslint-boundaries.js, checked through ESLint itself with the
 * project's own config: each case is a one-line file at a real path, linted as `npm run check`
 * lints it. Removing or loosening a rule fails the case that relies on it.
 */
const eslint = new ESLint();

async function refusals(filePath: string, importText: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import type { X } from '${importText}';\nexport type Y = X;\n`, {
    filePath,
  });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: Array<[file: string, importText: string, refused: boolean]> = [
  // core: ports and db, never an adapter, the HTTP layer, a job or a runtime
  ['functions/core/posts/example.ts', '../../http/problem', true],
  ['functions/core/posts/example.ts', '../../adapters/container', true],
  ['functions/core/posts/example.ts', '../../jobs/publish', true],
  ['functions/core/example.ts', '../local/runtime', true],
  ['functions/core/posts/example.ts', '../ports/container', false],
  ['functions/core/posts/example.ts', '../../db/tenant', false],
  // db: below everything
  ['functions/db/schema/example.ts', '../../platforms/connector', true],
  ['functions/db/example.ts', '../core/errors', true],
  ['functions/db/schema/example.ts', '../../shared/platforms/catalog', false],
  // connectors never call back into HTTP or jobs
  ['functions/platforms/twitter/example.ts', '../../http/problem', true],
  ['functions/platforms/twitter/example.ts', '../../jobs/publish', true],
  ['functions/platforms/twitter/example.ts', '../../shared/platforms/catalog', false],
  // nothing else imports the HTTP layer
  ['functions/jobs/example.ts', '../http/problem', true],
  ['functions/adapters/aws/example.ts', '../../http/problem', true],
  ['functions/ws/example.ts', '../http/problem', true],
  // shared: browser-safe and self-contained
  ['functions/shared/platforms/twitter/example.ts', '../../../core/errors', true],
  ['functions/shared/platforms/example.ts', '../../platforms/connector', true],
  ['functions/shared/example.ts', '../db/schema', true],
  ['functions/shared/platforms/example.ts', 'node:crypto', true],
  ['functions/shared/platforms/example.ts', 'drizzle-orm', true],
  ['functions/shared/platforms/example.ts', '@aws-sdk/client-s3', true],
  ['functions/shared/platforms/twitter/example.ts', '../../catalog', false],
  ['functions/shared/platforms/example.ts', 'zod', false],
  // the dashboard: the shared module only
  ['web/src/pages/example.tsx', '../../../functions/core/posts/list-posts', true],
  ['web/src/pages/example.tsx', '../../../functions/http/operation', true],
  ['web/src/pages/example.tsx', '../../../functions/db/schema', true],
  ['web/src/pages/example.tsx', '../../../functions/shared/route-table', false],
  ['web/src/pages/example.tsx', '../../../functions/shared/contracts/posts', false],
];

describe('dependency direction (eslint-boundaries.js)', () => {
  it.each(cases)('%s importing %s: refused %s', async (file, importText, refused) => {
    const messages = await refusals(file, importText);
    if (refused) expect(messages).toHaveLength(1);
    else expect(messages).toEqual([]);
  });
});
