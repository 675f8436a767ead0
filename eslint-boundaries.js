/**
 * Which folder may import which (issue 9, DESIGN.md "dependency direction"), as ESLint
 * `no-restricted-imports` patterns, so `npm run check` fails when a layer reaches the wrong
 * way. The built-in rule matches import text, not resolved files: every import here is
 * relative, so the folder named right after the leading `../` run is the top-level folder
 * under functions/ an import reaches, and each layer lists those it must never reach. The
 * browser-safe shared module is held in by depth: from `functions/shared/a/b.ts`, any import
 * starting `../../` leaves it.
 */

/** Layer folder -> folders (under functions/) it must not import. */
export const FORBIDDEN = {
  // Use-cases and rules: ports only, never an adapter, the HTTP layer, a job or a runtime.
  'functions/core': ['http', 'adapters', 'jobs', 'local', 'ws'],
  // Schema and transactions: below everything that uses them.
  'functions/db': ['core', 'platforms', 'http', 'adapters', 'jobs', 'local', 'ws'],
  'functions/config': ['core', 'db', 'platforms', 'http', 'adapters', 'jobs', 'local', 'ws'],
  // Connectors talk to networks; they are called by core and jobs, and call neither back.
  'functions/platforms': ['http', 'adapters', 'jobs', 'local', 'ws'],
  'functions/jobs': ['http', 'local', 'ws'],
  'functions/adapters': ['http', 'jobs', 'ws'],
  'functions/ws': ['http', 'jobs', 'local'],
};

/** Packages that must not reach the browser through functions/shared. */
const SERVER_PACKAGES = [
  'postgres',
  'drizzle-orm',
  '@aws-sdk/',
  '@anthropic-ai/',
  '@atproto/',
  'jose',
  'sharp',
];

const folderPattern = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message,
});

export function boundaryConfigs() {
  const layers = Object.entries(FORBIDDEN).map(([layer, folders]) => ({
    files: [`${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            folderPattern(folders, `${layer} must not import from functions/{${folders.join(',')}}.`),
          ],
        },
      ],
    },
  }));
  // The shared module: by depth, so nothing climbs out of it; no node: built-ins or server SDKs.
  const shared = [1, 2, 3, 4].map((depth) => ({
    files: [`functions/shared/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./){${depth},}`,
              message: 'functions/shared is browser-safe and self-contained: import nothing from outside it.',
            },
            { regex: '^node:', message: 'functions/shared runs in the browser: no node: built-ins.' },
            {
              regex: `^(${SERVER_PACKAGES.map((p) => p.replace(/[/]/g, '\\/')).join('|')})`,
              message: 'functions/shared runs in the browser: no server packages.',
            },
          ],
        },
      ],
    },
  }));
  // The dashboard reaches into functions/ only for the browser-safe shared module.
  const dashboard = {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)functions/(?!shared/)',
              message: 'The dashboard imports only functions/shared (browser-safe), never server code.',
            },
          ],
        },
      ],
    },
  };
  return [...layers, ...shared, dashboard];
}
