import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderApiTypes, SCHEMA_FILE } from '../../web/scripts/api-types';

describe('web/src/api/schema.gen.ts', () => {
  it('matches the OpenAPI document (run `npm run generate:api -w web` when this fails)', async () => {
    const path = fileURLToPath(new URL(`../../${SCHEMA_FILE}`, import.meta.url));
    const committed = await readFile(path, 'utf8');
    expect(committed === (await renderApiTypes(path))).toBe(true);
  });
});
