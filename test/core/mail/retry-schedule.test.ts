import { describe, expect, it } from 'vitest';
import { MAX_MAIL_ATTEMPTS, mailRetryDelayMs } from '../../../functions/core/mail/deliver-mail';

describe('transactional mail retry schedule', () => {
  it('doubles from a minute, stops growing at an hour, and gives up after about four hours', () => {
    const delays = Array.from({ length: MAX_MAIL_ATTEMPTS - 1 }, (_, i) => mailRetryDelayMs(i + 1) / 60_000);
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    const totalHours = delays.reduce((sum, minutes) => sum + minutes, 0) / 60;
    expect(totalHours).toBeGreaterThan(4);
    expect(totalHours).toBeLessThan(4.1);
  });
});
