import { accessSync, constants } from 'node:fs';

/** Where the browser tests find Chromium: `CHROMIUM_PATH`, else Debian's package. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Fails with instructions when Chromium is missing, before any test starts: otherwise the
 * first browser test dies deep inside playwright with "Executable doesn't exist" after
 * minutes of other tests, and nothing says what to install. Playwright's own browser
 * download (`npx playwright install`) is not used: the tests run offline.
 */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = chromiumPath(env);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      [
        `The browser tests need Chromium, and there is no executable at ${path}.`,
        'Install it from your distribution (Debian/Ubuntu: `sudo apt-get install -y chromium`),',
        'or point CHROMIUM_PATH at a Chromium or Chrome binary you already have.',
      ].join('\n'),
    );
  }
  return path;
}
