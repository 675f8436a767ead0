import { describe, expect, it } from 'vitest';
import { nextRunAfter, periodEndedBefore } from '../../../../functions/core/analytics/reports/schedule-dates';

describe('report schedule dates', () => {
  it('runs weekly at 06:00 local on the next Monday, on the right side of a DST change', () => {
    // New York springs forward on Sunday 2033-03-13: Monday's 06:00 is EDT (UTC-4), not EST.
    expect(nextRunAfter('weekly', 'America/New_York', new Date('2033-03-09T12:00:00Z')).toISOString()).toBe(
      '2033-03-14T10:00:00.000Z',
    );
    // The Monday before the change is still EST (UTC-5).
    expect(nextRunAfter('weekly', 'America/New_York', new Date('2033-03-02T12:00:00Z')).toISOString()).toBe(
      '2033-03-07T11:00:00.000Z',
    );
    // On a Monday before 06:00 local: that same morning; at or after it: the next Monday.
    expect(nextRunAfter('weekly', 'Europe/Paris', new Date('2033-06-06T03:59:00Z')).toISOString()).toBe(
      '2033-06-06T04:00:00.000Z',
    );
    expect(nextRunAfter('weekly', 'Europe/Paris', new Date('2033-06-06T04:00:00Z')).toISOString()).toBe(
      '2033-06-13T04:00:00.000Z',
    );
  });

  it('runs monthly at 06:00 local on the 1st, in the zone (not UTC) and across autumn DST', () => {
    // 2033-10-31 22:00 UTC is 07:00 on November 1st in Tokyo, past that day's run: next is December 1st.
    expect(nextRunAfter('monthly', 'Asia/Tokyo', new Date('2033-10-31T22:00:00Z')).toISOString()).toBe(
      '2033-11-30T21:00:00.000Z',
    );
    // Paris falls back on 2033-10-30: November 1st 06:00 is CET (UTC+1).
    expect(nextRunAfter('monthly', 'Europe/Paris', new Date('2033-10-15T00:00:00Z')).toISOString()).toBe(
      '2033-11-01T05:00:00.000Z',
    );
  });

  it('reports on the week or month that ended before the due day, in the zone', () => {
    expect(periodEndedBefore('weekly', 'America/New_York', new Date('2033-03-14T10:00:00Z'))).toEqual({
      from: '2033-03-07',
      to: '2033-03-13',
    });
    expect(periodEndedBefore('monthly', 'Europe/Paris', new Date('2033-03-01T05:00:00Z'))).toEqual({
      from: '2033-02-01',
      to: '2033-02-28',
    });
    // Due at 06:00 on the 1st in Tokyo, which is still the last day of the month in UTC.
    expect(periodEndedBefore('monthly', 'Asia/Tokyo', new Date('2033-11-30T21:00:00Z'))).toEqual({
      from: '2033-11-01',
      to: '2033-11-30',
    });
  });
});
