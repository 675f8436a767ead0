import { describe, expect, it } from 'vitest';
import { chromiumPath, requireChromium } from '../../support/chromium';

describe('requireChromium', () => {
  it('names how to get Chromium when it is missing', () => {
    expect(() => requireChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      /no executable at \/nonexistent\/chromium[\s\S]*apt-get install -y chromium[\s\S]*CHROMIUM_PATH/,
    );
  });

  it('accepts an executable and defaults to Debian’s package', () => {
    expect(requireChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
  });
});

describe('runsBrowserTests', () => {
  it('is true for a whole run and for runs naming browser tests, false for focused other runs', async () => {
    const { runsBrowserTests } = await import('../../global-setup');
    expect(runsBrowserTests(['run'])).toBe(true);
    expect(runsBrowserTests(['run', '--reporter=dot'])).toBe(true);
    expect(runsBrowserTests(['run', 'test/e2e/media.test.ts'])).toBe(true);
    expect(runsBrowserTests(['run', 'test/adapters/logger.test.ts'])).toBe(false);
  });
});
