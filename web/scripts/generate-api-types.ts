/**
 * Writes web/src/api/schema.gen.ts from the API's OpenAPI document.
 * Run: `npm run generate:api -w web` (or `npx tsx web/scripts/generate-api-types.ts`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderApiTypes, SCHEMA_FILE } from './api-types';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const target = `${repoRoot}${SCHEMA_FILE}`;

const next = await renderApiTypes(target);
const previous = await readFile(target, 'utf8').catch(() => '');
if (previous === next) {
  console.log(`${SCHEMA_FILE} is up to date.`);
} else {
  await writeFile(target, next);
  console.log(`Wrote ${SCHEMA_FILE}.`);
}
