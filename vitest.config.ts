import { defineConfig } from 'vitest/config';

// One runner for every layer. Integration tests share one PostgreSQL (DATABASE_URL) or
// create their own PGlite; files run in parallel workers, so each test file must use
// its own organizations (never assume an empty table).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules', 'web/**', 'cdk.out/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
    // Quiet structured logs in test output; warnings and errors still show. No background
    // publishing sweep in test runtimes: files share one database at many clocks, and a sweep
    // would act on other files' targets (tests run the sweep themselves, at their own clock).
    env: { LOG_LEVEL: 'WARN', PLUME_LOCAL_SWEEP: 'off' },
  },
});
