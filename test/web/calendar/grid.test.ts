import { describe, expect, it } from 'vitest';
import {
  monthGrid,
  positionFromSearch,
  searchFromPosition,
  startOfWeek,
  stepPosition,
  visibleRange,
  weekDays,
} from '../../../web/src/pages/calendar/calendar-range';
import { addDays, addMonths, isoWeekday, isPlainDate } from '../../../web/src/lib/plain-date';

describe('plain dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // Across Europe's spring-forward weekend: calendar days do not care about DST.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('clamps a month step to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('knows weekdays and refuses impossible dates', () => {
    expect(isoWeekday('2026-11-26')).toBe(4); // a Thursday
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isPlainDate('2026-02-30')).toBe(false);
    expect(isPlainDate('2026-2-3')).toBe(false);
    expect(isPlainDate('2028-02-29')).toBe(true);
  });
});

describe('weeks', () => {
  it('starts the week on Monday or Sunday as the locale says', () => {
    expect(startOfWeek('2026-11-26', 1)).toBe('2026-11-23');
    expect(startOfWeek('2026-11-26', 7)).toBe('2026-11-22');
    // The week-start day itself and the day before it.
    expect(startOfWeek('2026-11-23', 1)).toBe('2026-11-23');
    expect(startOfWeek('2026-11-22', 1)).toBe('2026-11-16');
    expect(startOfWeek('2026-11-22', 7)).toBe('2026-11-22');
  });

  it('lists seven consecutive days, crossing a month and a year', () => {
    expect(weekDays('2026-12-31', 1)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });
});

describe('month grid', () => {
  it('leads in with the previous month and trails into the next (Monday start)', () => {
    const grid = monthGrid('2026-11-26', 1);
    // 1 November 2026 is a Sunday: six leading October days, then 30 days, then 6 of December.
    expect(grid).toHaveLength(6);
    expect(grid[0]).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
    expect(grid[5]![0]).toBe('2026-11-30');
    expect(grid[5]![6]).toBe('2026-12-06');
    expect(grid.every((row) => row.length === 7 && isoWeekday(row[0]!) === 1)).toBe(true);
  });

  it('has no leading days when the month starts on the week start (Sunday start)', () => {
    const grid = monthGrid('2026-11-01', 7);
    expect(grid[0]![0]).toBe('2026-11-01');
    expect(grid).toHaveLength(5);
    expect(grid[4]).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
  });

  it('fits a 28-day February that starts on Monday into exactly four rows', () => {
    const grid = monthGrid('2027-02-10', 1);
    expect(grid).toHaveLength(4);
    expect(grid[0]![0]).toBe('2027-02-01');
    expect(grid[3]![6]).toBe('2027-02-28');
  });
});

describe('range and URL', () => {
  it('asks the API for exactly the days shown', () => {
    expect(visibleRange({ view: 'day', date: '2026-11-26' }, 1)).toEqual({
      from: '2026-11-26',
      to: '2026-11-26',
    });
    expect(visibleRange({ view: 'week', date: '2026-11-26' }, 7)).toEqual({
      from: '2026-11-22',
      to: '2026-11-28',
    });
    expect(visibleRange({ view: 'month', date: '2026-11-26' }, 1)).toEqual({
      from: '2026-10-26',
      to: '2026-12-06',
    });
  });

  it('steps by a day, a week or a month', () => {
    expect(stepPosition({ view: 'day', date: '2026-03-29' }, 1)).toEqual({ view: 'day', date: '2026-03-30' });
    expect(stepPosition({ view: 'week', date: '2026-11-26' }, -1)).toEqual({
      view: 'week',
      date: '2026-11-19',
    });
    expect(stepPosition({ view: 'month', date: '2026-01-31' }, 1)).toEqual({
      view: 'month',
      date: '2026-02-01',
    });
  });

  it('reads the position back from the URL and falls back on nonsense', () => {
    const today = '2026-11-26';
    const position = { view: 'month', date: '2026-12-03' } as const;
    expect(positionFromSearch(new URLSearchParams(searchFromPosition(position)), today)).toEqual(position);
    expect(positionFromSearch(new URLSearchParams('view=year&date=2026-02-30'), today)).toEqual({
      view: 'week',
      date: today,
    });
  });
});
