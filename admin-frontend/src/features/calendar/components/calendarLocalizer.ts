import { dayjsLocalizer, type DateLocalizer } from 'react-big-calendar';
import dayjs from 'dayjs';

/**
 * react-big-calendar's dayjs localizer with the methods it calls for every event on every layout done
 * with plain Date arithmetic instead of building dayjs objects: with a week of 500 bookings those calls
 * (several dayjs objects each, for each event and day column) were most of the script time of a layout.
 * Same results as the dayjs versions (the tests compare them) for the floating dates the calendar uses:
 * local time, no dayjs timezone plugin.
 */
export function fastLocalizer(): DateLocalizer {
  const localizer = dayjsLocalizer(dayjs);
  const MINUTE = 60_000;
  const DAY = 86_400_000;
  const dayStart = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const dayEnd = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() - 1;
  const minuteOf = (t: number) => Math.floor(t / MINUTE);
  const trunc = (n: number) => (n < 0 ? Math.ceil(n) : Math.floor(n)) || 0;
  // dayjs's diff in days corrects for an offset change between the two dates
  const daySpan = (start: Date, end: Date) =>
    trunc((+end - +start - (start.getTimezoneOffset() - end.getTimezoneOffset()) * MINUTE) / DAY);
  type Fast = Record<string, unknown>;
  const fast = localizer as unknown as Fast;

  fast.inEventRange = ({ event, range }: { event: { start: Date; end: Date }; range: { start: Date; end: Date } }) => {
    const startOfDay = dayStart(event.start);
    const startsBeforeEnd = startOfDay <= dayEnd(range.end);
    const end = minuteOf(+event.end);
    const rangeStart = minuteOf(+range.start);
    const zeroLength = minuteOf(startOfDay) === end;
    return startsBeforeEnd && (zeroLength ? end >= rangeStart : end > rangeStart);
  };
  fast.sortEvents = ({
    evtA,
    evtB,
  }: {
    evtA: { start: Date; end: Date; allDay?: boolean };
    evtB: { start: Date; end: Date; allDay?: boolean };
  }) =>
    dayStart(evtA.start) - dayStart(evtB.start) ||
    daySpan(evtB.start, evtB.end) - daySpan(evtA.start, evtA.end) ||
    Number(!!evtB.allDay) - Number(!!evtA.allDay) ||
    +evtA.start - +evtB.start ||
    +evtA.end - +evtB.end;
  fast.continuesPrior = (start: Date, first: Date) => dayEnd(start) < +first;
  fast.continuesAfter = (_start: Date, end: Date, last: Date) => minuteOf(+end) * MINUTE + MINUTE - 1 >= +last;
  fast.getTotalMin = (start: Date, end: Date) => trunc((+end - +start) / MINUTE);
  fast.getMinutesFromMidnight = (start: Date) => {
    const midnight = new Date(dayStart(start));
    return trunc((+start - +midnight) / MINUTE) + (midnight.getTimezoneOffset() - start.getTimezoneOffset());
  };
  fast.isSameDate = (a: Date, b: Date) => dayStart(a) === dayStart(b);

  // comparisons by day, by minute or exact (what the time views ask); other units keep dayjs
  type Compare = (a: Date, b: Date, unit?: string) => boolean;
  const original = { ...fast } as Record<string, (...args: unknown[]) => unknown>;
  const truncate = (d: Date, unit: string | undefined): number | null => {
    const u = unit?.toLowerCase();
    if (!u) return +d;
    if (u === 'day' || u === 'days') return dayStart(d);
    if (u === 'minute' || u === 'minutes') return new Date(d).setSeconds(0, 0);
    return null;
  };
  const comparator = (name: string, test: (a: number, b: number) => boolean): Compare => (a, b, unit) => {
    const ta = truncate(a, unit);
    const tb = truncate(b, unit);
    return ta === null || tb === null ? (original[name]!(a, b, unit) as boolean) : test(ta, tb);
  };
  fast.lt = comparator('lt', (a, b) => a < b);
  fast.lte = comparator('lte', (a, b) => a <= b);
  fast.gt = comparator('gt', (a, b) => a > b);
  // the dayjs localizer's gte answers "same or before" (kept, so layouts do not change)
  fast.gte = comparator('gte', (a, b) => a <= b);
  fast.eq = comparator('eq', (a, b) => a === b);
  fast.neq = comparator('neq', (a, b) => a !== b);
  // dayjs's isBetween(min, max, unit, '[]'), which also accepts max before min. A day column asks it
  // for every event with the same day: that day's bounds are computed once.
  let lastDay = NaN;
  let lastBounds: [number, number] = [0, 0];
  fast.inRange = (day: Date, min: Date, max: Date, unit = 'day') => {
    const u = unit.toLowerCase();
    let start: number;
    let end: number;
    if (u === 'day' || u === 'days') {
      if (+day !== lastDay) {
        lastDay = +day;
        lastBounds = [dayStart(day), dayEnd(day)];
      }
      [start, end] = lastBounds;
    } else if (u === 'minute' || u === 'minutes') {
      start = new Date(day).setSeconds(0, 0);
      end = start + MINUTE - 1;
    } else {
      return original.inRange!(day, min, max, unit);
    }
    return (end >= +min && start <= +max) || (start <= +min && end >= +max);
  };
  fast.min = (a: Date, b: Date) => new Date(Math.min(+a, +b));
  fast.max = (a: Date, b: Date) => new Date(Math.max(+a, +b));
  fast.merge = (date: Date | null, time: Date | null) => {
    if (!date || !time) return original.merge!(date, time);
    return new Date(date.getFullYear(), date.getMonth(), date.getDate(), time.getHours(), time.getMinutes(), time.getSeconds());
  };
  fast.startOf = (date: Date, unit?: string) => {
    const u = unit?.toLowerCase();
    if (u === 'day' || u === 'days') return new Date(dayStart(date));
    if (u === 'minute' || u === 'minutes') return new Date(new Date(date).setSeconds(0, 0));
    return original.startOf!(date, unit);
  };
  return localizer;
}

/** "HH:mm" of a floating date, without a formatter object. */
export function hhmm(date: Date): string {
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
