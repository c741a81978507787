import type { Booking, BookingStatus, ScheduleProfessional } from '@/lib/api/types';
import { fromFloating, minutesOf, toFloating } from '@/lib/format/zone';

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

/** Does `professional` work at the floating moment `slot` (weekly hours, not in time off)? */
export function availability(professional: ScheduleProfessional, slot: Date, timeZone: string): 'open' | 'closed' | 'off' {
  const day = DAYS[slot.getDay()];
  const minute = slot.getHours() * 60 + slot.getMinutes();
  const working = professional.ranges.some(
    (r) => r.day_of_week === day && minutesOf(r.start) <= minute && minute < minutesOf(r.end),
  );
  if (!working) return 'closed';
  const instant = fromFloating(slot, timeZone).getTime();
  const off = professional.time_off.some(
    (t) => new Date(t.start).getTime() <= instant && instant < new Date(t.end).getTime(),
  );
  return off ? 'off' : 'open';
}

/** The hours to show: an hour around the earliest start and latest end of anyone's hours (08–20 without hours). */
export function visibleHours(professionals: ScheduleProfessional[]): { min: number; max: number } {
  const ranges = professionals.flatMap((p) => p.ranges);
  if (!ranges.length) return { min: 8, max: 20 };
  const min = Math.min(...ranges.map((r) => Math.floor(minutesOf(r.start) / 60)));
  const max = Math.max(...ranges.map((r) => Math.ceil(minutesOf(r.end) / 60)));
  return { min: Math.max(0, min - 1), max: Math.min(24, max + 1) };
}

/** Can staff drag it: still holding a time and not started yet. */
export function movable(booking: Booking, now = Date.now()): boolean {
  return ACTIVE.includes(booking.status) && new Date(booking.start).getTime() > now;
}
