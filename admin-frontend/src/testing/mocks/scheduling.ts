import { http, HttpResponse } from 'msw';
import type {
  Booking,
  DateOverride,
  GoogleCalendarConnection,
  HistoryEntry,
  Professional,
  Schedule,
  Service,
  TimeOff,
  WorkingRange,
} from '@/lib/api/types';
import { fromWall, wallTime } from '@/lib/format/zone';

const ZONE = 'America/Argentina/Buenos_Aires';
const WEEK: WorkingRange['day_of_week'][] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Today (in the clinic's zone) at `hour`:`minute`, as an instant. */
export function todayAt(hour: number, minute = 0, plusDays = 0): string {
  const today = wallTime(new Date(), ZONE);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + plusDays));
  return fromWall(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute },
    ZONE,
  ).toISOString();
}

function booking(id: string, start: string, minutes: number, patch: Partial<Booking> = {}): Booking {
  const end = new Date(new Date(start).getTime() + minutes * 60_000).toISOString();
  const w = wallTime(start, ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    id,
    short_code: id.toUpperCase().slice(0, 6),
    status: 'CONFIRMED',
    service_id: 'svc-cleaning',
    service_name: 'Limpieza',
    professional_id: 'pro-perez',
    professional_name: 'Dra. Pérez',
    customer_id: '+5491155550101',
    customer_name: 'Ana Gómez',
    start,
    end,
    local_start: `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:00`,
    time_zone: ZONE,
    notes: null,
    channel: 'whatsapp',
    created_at: start,
    updated_at: start,
    attendance: null,
    ...patch,
  };
}

/** The demo clinic's catalogue and a few bookings today, for the calendar and catalogue tests. */
export function demoScheduling() {
  const professionals: Professional[] = [
    { id: 'pro-perez', name: 'Dra. Pérez', specialty: 'Odontología', email: null, phone: null, active: true, service_ids: ['svc-cleaning'] },
    { id: 'pro-ruiz', name: 'Dr. Ruiz', specialty: 'Kinesiología', email: null, phone: null, active: true, service_ids: ['svc-cleaning'] },
  ];
  const services: Service[] = [
    { id: 'svc-cleaning', name: 'Limpieza', description: null, duration_minutes: 30, buffer_minutes: 0, price: 1000, currency: 'ARS', active: true, professional_ids: ['pro-perez', 'pro-ruiz'] },
  ];
  const ranges: Record<string, WorkingRange[]> = {
    'pro-perez': WEEK.map((day) => ({ day_of_week: day, start: '00:00', end: '23:45' })),
    'pro-ruiz': WEEK.map((day) => ({ day_of_week: day, start: '14:00', end: '18:00' })),
  };
  const timeOff: Record<string, TimeOff[]> = { 'pro-perez': [], 'pro-ruiz': [] };
  const overrides: Record<string, DateOverride[]> = { 'pro-perez': [], 'pro-ruiz': [] };
  // Ana's appointment has started (an hour ago, or at midnight), Luis's is ahead: both today
  const hourAgo = Math.floor((Date.now() - 3_600_000) / 900_000) * 900_000;
  const started = new Date(Math.max(hourAgo, new Date(todayAt(0)).getTime())).toISOString();
  const bookings: Booking[] = [
    booking('b-ana', started, 30),
    booking('b-luis', new Date(new Date(started).getTime() + 2 * 3_600_000).toISOString(), 30, {
      professional_id: 'pro-ruiz',
      professional_name: 'Dr. Ruiz',
      customer_id: '+5491155550202',
      customer_name: 'Luis Díaz',
      status: 'HELD',
    }),
    booking('b-gone', new Date(new Date(started).getTime() + 3_600_000).toISOString(), 30, { customer_name: 'Eva Cancelada', status: 'CANCELLED' }),
  ];
  const history: Record<string, HistoryEntry[]> = {
    'b-ana': [
      { type: 'held', actor: 'customer:+5491155550101', occurred_at: todayAt(8, 0), before: null, after: null },
      { type: 'confirmed', actor: 'customer:+5491155550101', occurred_at: todayAt(8, 1), before: null, after: null },
      { type: 'rescheduled', actor: 'staff:staff@demo.local', occurred_at: todayAt(8, 30), before: null, after: null },
    ],
  };
  // Google Calendar: Dra. Pérez connected, Dr. Ruiz not
  const google: { enabled: boolean; connections: Record<string, GoogleCalendarConnection | null>; revoked: boolean } = {
    enabled: true,
    revoked: true,
    connections: {
      'pro-perez': {
        professional_id: 'pro-perez',
        status: 'CONNECTED',
        account: 'perez@clinic.test',
        connected_at: todayAt(8, 0),
        last_synced_at: todayAt(8, 2),
        last_error: null,
        pending_events: 2,
      },
      'pro-ruiz': null,
    },
  };
  return { professionals, services, ranges, timeOff, overrides, bookings, history, google, zone: ZONE };
}

export type SchedulingState = ReturnType<typeof demoScheduling>;

/** MSW handlers over {@link demoScheduling}: the calendar and catalogue routes of backend-api. */
export function schedulingHandlers(state: SchedulingState, role: () => string) {
  const problem = (status: number, type: string, extra: Record<string, unknown> = {}) =>
    HttpResponse.json(
      { type: `https://ai-assistants.dev/problems/${type}`, title: type, status, detail: type, ...extra },
      { status, headers: { 'Content-Type': 'application/problem+json' } },
    );
  const canEdit = () => role() !== 'staff';
  const schedule = (): Schedule => ({
    time_zone: state.zone,
    professionals: state.professionals.map((p) => ({
      id: p.id,
      name: p.name,
      specialty: p.specialty,
      active: p.active,
      service_ids: p.service_ids,
      ranges: state.ranges[p.id] ?? [],
      time_off: state.timeOff[p.id] ?? [],
      date_overrides: state.overrides[p.id] ?? [],
    })),
    services: state.services.map((s) => ({ id: s.id, name: s.name, duration_minutes: s.duration_minutes, buffer_minutes: s.buffer_minutes, active: s.active })),
  });
  const change = (b: Booking) => HttpResponse.json({ booking: b, notice: 'skipped' });
  return [
    http.get('*/v1/admin/calendar/schedule', () => HttpResponse.json(schedule())),
    http.get('*/v1/admin/calendar/bookings', ({ request }) => {
      const url = new URL(request.url);
      const from = url.searchParams.get('from')!;
      const to = url.searchParams.get('to')!;
      const bookings = state.bookings.filter((b) => b.start < to && b.end > from);
      return HttpResponse.json({ bookings, next_cursor: null });
    }),
    http.get('*/v1/admin/calendar/slots', ({ request }) => {
      const date = new URL(request.url).searchParams.get('date')!;
      const [year, month, day] = date.split('-').map(Number);
      const slots = [9, 9.5, 12].map((h) => {
        const start = fromWall({ year: year!, month: month!, day: day!, hour: Math.floor(h), minute: (h % 1) * 60 }, state.zone);
        const pad = (n: number) => String(n).padStart(2, '0');
        return {
          professional_id: 'pro-perez',
          professional_name: 'Dra. Pérez',
          service_id: 'svc-cleaning',
          start: start.toISOString(),
          end: new Date(start.getTime() + 1_800_000).toISOString(),
          local_start: `${date}T${pad(Math.floor(h))}:${pad((h % 1) * 60)}:00`,
          local_end: `${date}T${pad(Math.floor(h))}:${pad((h % 1) * 60 + 30)}:00`,
        };
      });
      return HttpResponse.json({ time_zone: state.zone, slots });
    }),
    http.get('*/v1/admin/calendar/customers', () =>
      HttpResponse.json([{ customer_id: '+5491155550101', name: 'Ana Gómez', phone: '+5491155550101' }]),
    ),
    http.post('*/v1/admin/calendar/bookings', async ({ request }) => {
      const body = (await request.json()) as { start: string; professional_id: string; customer_name: string; phone: string };
      const created = booking('b-new', body.start, 30, {
        professional_id: body.professional_id,
        customer_name: body.customer_name,
        customer_id: body.phone,
        channel: 'console',
      });
      state.bookings.push(created);
      return HttpResponse.json({ booking: created, notice: 'sent' }, { status: 201 });
    }),
    http.get('*/v1/admin/calendar/bookings/:id', ({ params }) => {
      const b = state.bookings.find((x) => x.id === params.id);
      return b ? HttpResponse.json(b) : problem(404, 'not-found');
    }),
    http.get('*/v1/admin/calendar/bookings/:id/history', ({ params }) => HttpResponse.json(state.history[String(params.id)] ?? [])),
    http.post('*/v1/admin/calendar/bookings/:id/cancel', ({ params }) => {
      const b = state.bookings.find((x) => x.id === params.id);
      if (!b) return problem(404, 'not-found');
      b.status = 'CANCELLED';
      return change(b);
    }),
    http.post('*/v1/admin/calendar/bookings/:id/outcome', async ({ params, request }) => {
      const b = state.bookings.find((x) => x.id === params.id);
      if (!b) return problem(404, 'not-found');
      b.status = ((await request.json()) as { outcome: Booking['status'] }).outcome;
      return change(b);
    }),
    http.get('*/v1/admin/catalogue/professionals', () => HttpResponse.json(state.professionals)),
    http.get('*/v1/admin/catalogue/services', () => HttpResponse.json(state.services)),
    http.get('*/v1/admin/catalogue/professionals/:id/google-calendar', ({ params }) =>
      HttpResponse.json({ enabled: state.google.enabled, connection: state.google.connections[String(params.id)] ?? null }),
    ),
    http.post('*/v1/admin/catalogue/professionals/:id/google-calendar/connect', ({ params }) => {
      if (!canEdit()) return problem(403, 'forbidden');
      if (!state.google.enabled) return problem(409, 'google-calendar-disabled');
      return HttpResponse.json({
        authorization_url: `https://accounts.google.test/o/oauth2/v2/auth?client_id=test&state=${String(params.id)}.sig`,
        expires_at: todayAt(23, 0),
      });
    }),
    http.delete('*/v1/admin/catalogue/professionals/:id/google-calendar', ({ params }) => {
      if (!canEdit()) return problem(403, 'forbidden');
      if (!state.google.connections[String(params.id)]) return problem(404, 'not-found');
      state.google.connections[String(params.id)] = null;
      return HttpResponse.json({ professional_id: params.id, revoked: state.google.revoked });
    }),
    http.get('*/v1/admin/catalogue/professionals/:id/hours', ({ params }) =>
      HttpResponse.json({
        professional_id: params.id,
        time_zone: state.zone,
        ranges: state.ranges[String(params.id)] ?? [],
        time_off: state.timeOff[String(params.id)] ?? [],
        date_overrides: state.overrides[String(params.id)] ?? [],
      }),
    ),
    http.put('*/v1/admin/catalogue/professionals/:id/hours', async ({ params, request }) => {
      if (!canEdit()) return problem(403, 'forbidden');
      state.ranges[String(params.id)] = ((await request.json()) as { ranges: WorkingRange[] }).ranges;
      return HttpResponse.json({
        professional_id: params.id,
        time_zone: state.zone,
        ranges: state.ranges[String(params.id)],
        time_off: [],
        date_overrides: state.overrides[String(params.id)] ?? [],
      });
    }),
    http.put('*/v1/admin/catalogue/professionals/:id/date-overrides/:date', async ({ params, request }) => {
      if (!canEdit()) return problem(403, 'forbidden');
      const body = (await request.json()) as Omit<DateOverride, 'date'>;
      const ranges = [...body.ranges].sort((a, b) => a.start.localeCompare(b.start));
      if (ranges.some((r, i) => r.start >= r.end || (i > 0 && r.start < ranges[i - 1]!.end))) {
        return problem(400, 'invalid-request');
      }
      const saved: DateOverride = { date: String(params.date), ranges, reason: body.reason || null };
      const id = String(params.id);
      state.overrides[id] = [...(state.overrides[id] ?? []).filter((o) => o.date !== saved.date), saved].sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      return HttpResponse.json(saved);
    }),
    http.delete('*/v1/admin/catalogue/professionals/:id/date-overrides/:date', ({ params }) => {
      if (!canEdit()) return problem(403, 'forbidden');
      const id = String(params.id);
      const before = state.overrides[id] ?? [];
      state.overrides[id] = before.filter((o) => o.date !== params.date);
      if (before.length === state.overrides[id].length) return problem(404, 'not-found');
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('*/v1/admin/catalogue/professionals/:id/time-off', async ({ params, request }) => {
      if (!canEdit()) return problem(403, 'forbidden');
      const body = (await request.json()) as { start: string; end: string; reason: string | null };
      const off = { id: `off-${Date.now()}`, ...body };
      state.timeOff[String(params.id)] = [...(state.timeOff[String(params.id)] ?? []), off];
      return HttpResponse.json(off, { status: 201 });
    }),
    http.put('*/v1/admin/catalogue/professionals/:id', async ({ params, request }) => {
      if (!canEdit()) return problem(403, 'forbidden');
      const body = (await request.json()) as Professional;
      const current = state.professionals.find((p) => p.id === params.id);
      if (!current) return problem(404, 'not-found');
      const future = new URL(request.url).searchParams.get('future_bookings');
      const upcoming = state.bookings.filter((b) => b.professional_id === current.id && ['HELD', 'CONFIRMED'].includes(b.status));
      if (current.active && !body.active && upcoming.length && !future) {
        return problem(409, 'future-bookings', { bookings: upcoming });
      }
      if (future === 'cancel') upcoming.forEach((b) => (b.status = 'CANCELLED'));
      Object.assign(current, body);
      return HttpResponse.json(current);
    }),
    http.post('*/v1/admin/catalogue/professionals', async ({ request }) => {
      if (!canEdit()) return problem(403, 'forbidden');
      const created = { id: `pro-${state.professionals.length + 1}`, ...((await request.json()) as Omit<Professional, 'id'>) };
      state.professionals.push(created as Professional);
      return HttpResponse.json(created, { status: 201 });
    }),
  ];
}
