import type { Booking, BookingStatus, ScheduleProfessional } from '@/lib/api/types';
import { fromFloating, isoDate, minutesOf, toFloating } from '@/lib/format/zone';

/** One booking laid out on the calendar (dates are floating: the clinic's wall time). */
export interface CalendarEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  booking: Booking;
}

export const ACTIVE: BookingStatus[] = ['HELD', 'CONFIRMED'];
export const HIDDEN_UNLESS_ASKED: BookingStatus[] = ['CANCELLED', 'EXPIRED'];

export function toEvents(bookings: Booking[], timeZone: string, showCancelled: boolean): CalendarEvent[] {
  return bookings
    .filter((b) => showCancelled || !HIDDEN_UNLESS_ASKED.includes(b.status))
    .map((b) => ({
      id: b.id,
      title: [b.customer_name ?? b.customer_id, b.service_name].filter(Boolean).join(' · '),
      start: toFloating(b.start, timeZone),
      end: toFloating(b.end, timeZone),
      resourceId: b.professional_id,
      booking: b,
    }));
}

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/** [from, to) in minutes after midnight; an end of 00:00 is midnight (1440). */
type Minutes = readonly [number, number];

const toMinutes = (r: { start: string; end: string }): Minutes => {
  const end = minutesOf(r.end);
  return [minutesOf(r.start), end === 0 ? 24 * 60 : end];
};

/**
 * A professional's hours, ready for many look-ups: weekly ranges by day, date overrides by local
 * date (they replace that day's weekly ranges; none = closed), time off as epoch milliseconds.
 */
export interface ColumnHours {
  byDay: Map<string, Minutes[]>;
  byDate: Map<string, Minutes[]>;
  off: Minutes[];
}

const indexCache = new WeakMap<ScheduleProfessional, ColumnHours>();

export function columnHours(professional: ScheduleProfessional): ColumnHours {
  const cached = indexCache.get(professional);
  if (cached) return cached;
  const byDay = new Map<string, Minutes[]>();
  for (const r of professional.ranges) byDay.set(r.day_of_week, [...(byDay.get(r.day_of_week) ?? []), toMinutes(r)]);
  const byDate = new Map<string, Minutes[]>();
  for (const o of professional.date_overrides ?? []) byDate.set(o.date, o.ranges.map(toMinutes));
  const off = professional.time_off.map((t) => [new Date(t.start).getTime(), new Date(t.end).getTime()] as const);
  const index = { byDay, byDate, off };
  indexCache.set(professional, index);
  return index;
}

/**
 * Does `professional` work at the floating moment `slot`: its date's override, else the weekly hours,
 * and not in time off?
 */
export function availability(professional: ScheduleProfessional, slot: Date, timeZone: string): 'open' | 'closed' | 'off' {
  const hours = columnHours(professional);
  const minute = slot.getHours() * 60 + slot.getMinutes();
  const ranges = hours.byDate.get(isoDate(slot)) ?? hours.byDay.get(DAYS[slot.getDay()]!) ?? [];
  if (!ranges.some(([from, to]) => from <= minute && minute < to)) return 'closed';
  if (!hours.off.length) return 'open';
  const instant = fromFloating(slot, timeZone).getTime();
  return hours.off.some(([from, to]) => from <= instant && instant < to) ? 'off' : 'open';
}

/**
 * The hours to show: an hour around the earliest start and latest end of anyone's hours or date overrides
 * (08–20 without hours).
 */
export function visibleHours(professionals: ScheduleProfessional[]): { min: number; max: number } {
  const ranges = professionals.flatMap((p) => [...p.ranges, ...(p.date_overrides ?? []).flatMap((o) => o.ranges)]).map(toMinutes);
  if (!ranges.length) return { min: 8, max: 20 };
  const min = Math.min(...ranges.map(([from]) => Math.floor(from / 60)));
  const max = Math.max(...ranges.map(([, to]) => Math.ceil(to / 60)));
  return { min: Math.max(0, min - 1), max: Math.min(24, max + 1) };
}

/** Can staff drag it: still holding a time and not started yet. */
export function movable(booking: Booking, now = Date.now()): boolean {
  return ACTIVE.includes(booking.status) && new Date(booking.start).getTime() > now;
}
