import { describe, expect, it } from 'vitest';
import { fromFloating, fromWall, toFloating, wallTime } from './zone';

describe('wall times in a named zone', () => {
  it('reads and writes Buenos Aires times whatever the browser zone', () => {
    const zone = 'America/Argentina/Buenos_Aires';
    expect(wallTime('2026-03-03T12:00:00Z', zone)).toEqual({ year: 2026, month: 3, day: 3, hour: 9, minute: 0 });
    expect(fromWall({ year: 2026, month: 3, day: 3, hour: 9, minute: 30 }, zone).toISOString()).toBe(
      '2026-03-03T12:30:00.000Z',
    );
    const floating = toFloating('2026-03-03T23:30:00Z', zone);
    expect([floating.getDate(), floating.getHours(), floating.getMinutes()]).toEqual([3, 20, 30]);
    expect(fromFloating(floating, zone).toISOString()).toBe('2026-03-03T23:30:00.000Z');
  });

  it('follows daylight saving time', () => {
    const zone = 'Europe/Madrid';
    expect(fromWall({ year: 2026, month: 7, day: 1, hour: 10, minute: 0 }, zone).toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
    expect(fromWall({ year: 2026, month: 1, day: 1, hour: 10, minute: 0 }, zone).toISOString()).toBe(
      '2026-01-01T09:00:00.000Z',
    );
  });
});
