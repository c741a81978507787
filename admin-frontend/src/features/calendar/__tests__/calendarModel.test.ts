import { describe, expect, it } from 'vitest';
import type { ScheduleProfessional } from '@/lib/api/types';
import { availability, visibleHours } from '../components/calendarModel';

const ZONE = 'America/Argentina/Buenos_Aires';

function professional(patch: Partial<ScheduleProfessional> = {}): ScheduleProfessional {
  return {
    id: 'pro-perez',
    name: 'Dra. Pérez',
    specialty: null,
    active: true,
    service_ids: [],
    // Thursday 2030-01-10 and Friday 2030-01-11: 09:00–13:00
    ranges: [
      { day_of_week: 'THURSDAY', start: '09:00:00', end: '13:00:00' },
      { day_of_week: 'FRIDAY', start: '09:00', end: '13:00' },
    ],
    time_off: [],
    date_overrides: [],
    ...patch,
  };
}

/** A floating date: the clinic's wall time. */
const at = (day: number, hour: number, minute = 0) => new Date(2030, 0, day, hour, minute);

describe('calendar shading', () => {
  it('follows the weekly hours and time off', () => {
    const p = professional({ time_off: [{ id: 'off-1', start: '2030-01-10T13:00:00Z', end: '2030-01-10T14:00:00Z', reason: null }] });
    expect(availability(p, at(10, 8, 45), ZONE)).toBe('closed');
    expect(availability(p, at(10, 9), ZONE)).toBe('open');
    expect(availability(p, at(10, 10), ZONE)).toBe('off'); // 13:00Z is 10:00 in Buenos Aires
    expect(availability(p, at(10, 13), ZONE)).toBe('closed');
  });

  it("uses a date override instead of that date's weekly hours, and shades a closed date whole", () => {
    const p = professional({
      date_overrides: [
        { date: '2030-01-10', ranges: [{ start: '15:00:00', end: '19:00:00' }], reason: 'tarde' },
        { date: '2030-01-11', ranges: [], reason: 'feriado' },
        { date: '2030-01-12', ranges: [{ start: '20:00', end: '00:00' }], reason: null },
      ],
    });
    expect(availability(p, at(10, 9), ZONE)).toBe('closed');
    expect(availability(p, at(10, 15), ZONE)).toBe('open');
    expect(availability(p, at(10, 18, 45), ZONE)).toBe('open');
    expect(availability(p, at(10, 19), ZONE)).toBe('closed');
    expect(availability(p, at(11, 10), ZONE)).toBe('closed');
    // a Saturday with no weekly hours, open until midnight by its override
    expect(availability(p, at(12, 23, 45), ZONE)).toBe('open');
    // other dates keep the week
    expect(availability(p, at(17, 10), ZONE)).toBe('open');
    // the visible hours stretch to the override's
    expect(visibleHours([p])).toEqual({ min: 8, max: 24 });
  });
});
