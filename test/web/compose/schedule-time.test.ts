import { describe, expect, it } from 'vitest';
import { resolveScheduleTime } from '../../../functions/core/publishing/schedule-time';
import {
  checkScheduleTime,
  defaultSlot,
  resolveWallTime,
  wallClockAt,
} from '../../../web/src/pages/compose/schedule-time';

const NOW = new Date('2026-01-15T12:00:00Z');

describe('resolveWallTime', () => {
  it('turns a wall time in a zone into its instant, summer and winter', () => {
    expect(resolveWallTime('2026-07-01', '09:30', 'Europe/Paris')).toEqual({
      kind: 'exact',
      at: new Date('2026-07-01T07:30:00Z'),
    });
    expect(resolveWallTime('2026-12-01', '09:30', 'Europe/Paris')).toEqual({
      kind: 'exact',
      at: new Date('2026-12-01T08:30:00Z'),
    });
    expect(resolveWallTime('2026-12-01', '09:30', 'Asia/Kolkata')).toEqual({
      kind: 'exact',
      at: new Date('2026-12-01T04:00:00Z'),
    });
    expect(resolveWallTime('2026-12-01', '00:00', 'UTC')).toEqual({
      kind: 'exact',
      at: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('says when the clocks skip the hour (spring forward)', () => {
    // Paris: 2026-03-29 02:00 -> 03:00.
    expect(resolveWallTime('2026-03-29', '02:30', 'Europe/Paris')).toEqual({ kind: 'skipped' });
    expect(resolveWallTime('2026-03-29', '03:00', 'Europe/Paris')).toEqual({
      kind: 'exact',
      at: new Date('2026-03-29T01:00:00Z'),
    });
    // New York: 2026-03-08 02:00 -> 03:00.
    expect(resolveWallTime('2026-03-08', '02:15', 'America/New_York')).toEqual({ kind: 'skipped' });
  });

  it('gives both readings when the hour repeats (fall back)', () => {
    // Paris: 2026-10-25 03:00 -> 02:00, so 02:30 happens at 00:30Z and at 01:30Z.
    expect(resolveWallTime('2026-10-25', '02:30', 'Europe/Paris')).toEqual({
      kind: 'repeated',
      earlier: new Date('2026-10-25T00:30:00Z'),
      later: new Date('2026-10-25T01:30:00Z'),
    });
  });

  it('refuses impossible dates and unknown zones', () => {
    expect(resolveWallTime('2026-02-30', '10:00', 'UTC')).toEqual({ kind: 'invalid', reason: 'date' });
    expect(resolveWallTime('2026-02-01', '24:00', 'UTC')).toEqual({ kind: 'invalid', reason: 'date' });
    expect(resolveWallTime('tomorrow', '10:00', 'UTC')).toEqual({ kind: 'invalid', reason: 'date' });
    expect(resolveWallTime('2026-02-01', '10:00', 'Mars/Olympus')).toEqual({
      kind: 'invalid',
      reason: 'zone',
    });
  });

  it('agrees with the server’s Temporal resolution on every wall time around a change', () => {
    for (const [date, zone] of [
      ['2026-03-29', 'Europe/Paris'],
      ['2026-10-25', 'Europe/Paris'],
      ['2026-04-05', 'Australia/Sydney'],
      ['2026-11-01', 'America/Los_Angeles'],
    ] as const) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const ours = resolveWallTime(date, time, zone);
        let server: Date | 'refused';
        try {
          server = resolveScheduleTime({ localTime: `${date}T${time}`, timeZone: zone }, 'UTC').at;
        } catch {
          server = 'refused';
        }
        if (ours.kind === 'skipped') expect(server, `${date} ${time} ${zone}`).toBe('refused');
        else if (ours.kind === 'repeated') expect(server).toEqual(ours.earlier);
        else if (ours.kind === 'exact') expect(server).toEqual(ours.at);
        else throw new Error(`unexpected ${ours.kind}`);
      }
    }
  });
});

describe('checkScheduleTime', () => {
  it('builds the schedule request for a future time', () => {
    expect(checkScheduleTime('2026-01-16', '09:30', 'Europe/Paris', NOW)).toEqual({
      ok: true,
      at: new Date('2026-01-16T08:30:00Z'),
      request: { localTime: '2026-01-16T09:30', timeZone: 'Europe/Paris', disambiguation: 'earlier' },
    });
  });

  it('refuses a time that has passed, in the chosen zone', () => {
    // 12:00Z is 13:00 in Paris: 12:30 there has passed, while 12:30 in New York (17:30Z) has not.
    expect(checkScheduleTime('2026-01-15', '12:30', 'Europe/Paris', NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining('already passed'),
    });
    expect(checkScheduleTime('2026-01-15', '12:30', 'America/New_York', NOW)).toMatchObject({ ok: true });
    expect(checkScheduleTime('2026-01-15', '13:00', 'Europe/Paris', NOW)).toMatchObject({ ok: false });
  });

  it('refuses a skipped hour and notes a repeated one', () => {
    const early = new Date('2026-03-01T00:00:00Z');
    expect(checkScheduleTime('2026-03-29', '02:30', 'Europe/Paris', early)).toMatchObject({
      ok: false,
      message: expect.stringContaining('does not exist'),
    });
    const repeated = checkScheduleTime('2026-10-25', '02:30', 'Europe/Paris', early);
    expect(repeated).toMatchObject({ ok: true, at: new Date('2026-10-25T00:30:00Z') });
    expect(repeated.ok && repeated.note).toContain('happens twice');
  });

  it('asks for both a date and a time', () => {
    expect(checkScheduleTime('', '09:00', 'UTC', NOW)).toMatchObject({
      ok: false,
      message: 'Pick a date and a time.',
    });
  });
});

describe('wall clocks', () => {
  it('reads an instant in a zone and proposes the next full hour at least 30 minutes away', () => {
    expect(wallClockAt(new Date('2026-06-30T22:15:00Z'), 'Europe/Paris')).toEqual({
      date: '2026-07-01',
      time: '00:15',
    });
    expect(defaultSlot(new Date('2026-01-15T12:10:00Z'), 'Europe/Paris')).toEqual({
      date: '2026-01-15',
      time: '14:00',
    });
    expect(defaultSlot(new Date('2026-01-15T12:40:00Z'), 'UTC')).toEqual({
      date: '2026-01-15',
      time: '14:00',
    });
  });
});
