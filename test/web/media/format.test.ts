import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDimensions,
  formatDuration,
  storageTone,
  usedPercent,
} from '../../../web/src/pages/media/format';

describe('formatBytes', () => {
  it('counts small files in bytes', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
  });

  it('uses one decimal under ten units and whole numbers above', () => {
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(15 * 1024 + 300)).toBe('15 KB');
    expect(formatBytes(4 * 1024 * 1024)).toBe('4 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    expect(formatBytes(2048 * 1024 ** 3)).toBe('2 TB');
  });

  it('says nothing sensible about impossible sizes', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('reads minutes and seconds, hours when there are any', () => {
    expect(formatDuration(7_000)).toBe('0:07');
    expect(formatDuration(205_400)).toBe('3:25');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('is null when the API did not read a duration', () => {
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(undefined)).toBeNull();
  });
});

describe('formatDimensions', () => {
  it('joins width and height, or nothing when unknown', () => {
    expect(formatDimensions(1200, 800)).toBe('1200 × 800');
    expect(formatDimensions(null, 800)).toBeNull();
  });
});

describe('storage', () => {
  it('never shows a nearly full quota as full', () => {
    expect(usedPercent(0, 100)).toBe(0);
    expect(usedPercent(999, 1000)).toBe(99.9);
    expect(usedPercent(9999, 10000)).toBe(99.9);
    expect(usedPercent(2000, 1000)).toBe(100);
    expect(usedPercent(1, 0)).toBe(100);
  });

  it('warns from 80 % and alarms from 95 %', () => {
    expect(storageTone(79.9)).toBe('normal');
    expect(storageTone(80)).toBe('warning');
    expect(storageTone(95)).toBe('danger');
  });
});
