import { describe, expect, it } from 'vitest';
import { httpBundleTargets } from './targets';

describe("the bench's HTTP bundle targets", () => {
  it('judges the median and the largest bundle and cold import, naming the function', () => {
    const checks = httpBundleTargets([
      { name: 'http-a', bytes: 500 * 1024, importMs: 60 },
      { name: 'http-b', bytes: 700 * 1024, importMs: 130 },
      { name: 'http-c', bytes: 590 * 1024, importMs: 70 },
    ]);
    expect(checks.map((c) => [c.name, c.met])).toEqual([
      ['HTTP Lambda bundle, median (minified)', true],
      ['HTTP Lambda bundle, largest (minified)', true],
      ['HTTP Lambda cold import p50, median', true],
      ['HTTP Lambda cold import p50, largest', false],
    ]);
    expect(checks[3]!.measured).toContain('http-b');
  });

  it('takes the mean of the middle two for an even count, and judges nothing without functions', () => {
    const [median] = httpBundleTargets([
      { name: 'http-a', bytes: 500 * 1024, importMs: 1 },
      { name: 'http-b', bytes: 702 * 1024, importMs: 1 },
    ]);
    expect(median!.met).toBe(false);
    expect(httpBundleTargets([])).toEqual([]);
  });
});
