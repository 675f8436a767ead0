import { defineConfig } from 'drizzle-kit';

/**
 * `npm run db:generate` diffs functions/db/schema against the last snapshot and writes a
 * new SQL migration to functions/db/migrations (committed). Row-level security lives in a
 * hand-written (`--custom`) migration; see functions/db/migrations/*_row_level_security.sql.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './functions/db/schema/index.ts',
  out: './functions/db/migrations',
  strict: true,
  verbose: true,
});
