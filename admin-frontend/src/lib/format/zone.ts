/**
 * Wall-clock times in a named time zone, independent of the browser's own zone. The calendar lays
 * out "floating" Dates whose local fields are the clinic's wall time; these helpers convert between
 * those and real instants (ISO strings).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

/** The wall time of an instant in `timeZone`. */
export function wallTime(instant: Date | string, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

/** A browser-local Date whose fields show the instant's wall time in `timeZone` (for laying out). */
export function toFloating(instant: Date | string, timeZone: string): Date {
  const w = wallTime(instant, timeZone);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute);
}

/** The instant at which the wall clock in `timeZone` shows `wall`. */
export function fromWall(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = wallTime(new Date(guess), timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    guess += asUtc - seenUtc;
  }
  return new Date(guess);
}

/** The instant a floating Date (see {@link toFloating}) stands for. */
export function fromFloating(floating: Date, timeZone: string): Date {
  return fromWall(
    {
      year: floating.getFullYear(),
      month: floating.getMonth() + 1,
      day: floating.getDate(),
      hour: floating.getHours(),
      minute: floating.getMinutes(),
    },
    timeZone,
  );
}

/** `YYYY-MM-DD` of a floating Date. */
export function isoDate(floating: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${floating.getFullYear()}-${pad(floating.getMonth() + 1)}-${pad(floating.getDate())}`;
}

/** "HH:mm" → minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
