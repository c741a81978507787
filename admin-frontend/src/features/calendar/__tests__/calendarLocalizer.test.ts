import { dayjsLocalizer } from 'react-big-calendar';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fastLocalizer, hhmm } from '../components/calendarLocalizer';

type Any = Record<string, (...args: unknown[]) => unknown>;

describe('the calendar localizer', () => {
  const reference = dayjsLocalizer(dayjs) as unknown as Any;
  const fast = fastLocalizer() as unknown as Any;
  const d = (day: number, hour: number, minute = 0, second = 0) => new Date(2030, 0, day, hour, minute, second);
  const events = [
    { start: d(7, 9), end: d(7, 9, 30) },
    { start: d(7, 23, 30), end: d(8, 0, 30) },
    { start: d(8, 0), end: d(8, 0) },
    { start: d(8, 10, 15, 20), end: d(8, 10, 45, 59) },
    { start: d(6, 22), end: d(9, 1) },
    { start: d(9, 0), end: d(10, 0), allDay: true },
  ];
  const ranges = [
    { start: d(7, 0), end: d(7, 23, 59, 59) },
    { start: d(8, 0), end: d(8, 23, 59, 59) },
    { start: d(7, 0), end: d(13, 23, 59, 59) },
    { start: d(8, 0, 30), end: d(8, 10) },
  ];

  it('answers as the dayjs localizer for every hot method', () => {
    for (const event of events) {
      for (const range of ranges) {
        expect(fast.inEventRange!({ event, range })).toBe(reference.inEventRange!({ event, range }));
        expect(fast.continuesPrior!(event.start, range.start)).toBe(reference.continuesPrior!(event.start, range.start));
        expect(fast.continuesAfter!(event.start, event.end, range.end)).toBe(
          reference.continuesAfter!(event.start, event.end, range.end),
        );
        expect(fast.isSameDate!(event.start, range.start)).toBe(reference.isSameDate!(event.start, range.start));
      }
      for (const other of events) {
        expect(Math.sign(fast.sortEvents!({ evtA: event, evtB: other }) as number)).toBe(
          Math.sign(reference.sortEvents!({ evtA: event, evtB: other }) as number),
        );
      }
      expect(fast.daySpan!(event.start, event.end)).toBe(reference.daySpan!(event.start, event.end));
      expect(fast.getTotalMin!(event.start, event.end)).toBe(reference.getTotalMin!(event.start, event.end));
      expect(fast.getMinutesFromMidnight!(event.start)).toBe(reference.getMinutesFromMidnight!(event.start));
    }
  });

  it('compares, bounds and merges as the dayjs localizer, by day, by minute and exactly', () => {
    const dates = [d(7, 0), d(7, 9, 30), d(7, 9, 30, 15), d(7, 9, 31), d(7, 23, 59, 59), d(8, 0), d(8, 12), d(9, 0, 0, 1)];
    for (const unit of [undefined, 'day', 'minutes', 'week']) {
      for (const a of dates) {
        for (const b of dates) {
          for (const name of ['lt', 'lte', 'gt', 'gte', 'eq', 'neq']) {
            expect([name, unit, a, b, fast[name]!(a, b, unit)]).toEqual([name, unit, a, b, reference[name]!(a, b, unit)]);
          }
          for (const c of dates) {
            if (unit) expect(fast.inRange!(a, b, c, unit)).toBe(reference.inRange!(a, b, c, unit));
          }
          expect(fast.merge!(a, b)).toEqual(reference.merge!(a, b));
          expect(fast.min!(a, b)).toEqual(reference.min!(a, b));
          expect(fast.max!(a, b)).toEqual(reference.max!(a, b));
        }
        expect(fast.startOf!(a, unit)).toEqual(reference.startOf!(a, unit));
      }
    }
  });

  it('formats wall times', () => {
    expect(hhmm(d(7, 9, 5))).toBe('09:05');
    expect(hhmm(d(7, 23, 30))).toBe('23:30');
  });
});
