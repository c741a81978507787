import { http, HttpResponse } from 'msw';
import type { AuditEntry, Booking, CustomerProfile } from '@/lib/api/types';

const day = 86_400_000;

function booking(id: string, startMs: number, status: Booking['status']): Booking {
  const start = new Date(startMs).toISOString();
  return {
    id,
    short_code: id.toUpperCase(),
    status,
    service_id: 'consulta',
    service_name: 'Consulta',
    professional_id: 'perez',
    professional_name: 'Dra. Pérez',
    customer_id: '+5491155550101',
    customer_name: 'Ana Gómez',
    start,
    end: new Date(startMs + 1_800_000).toISOString(),
    local_start: start.slice(0, 19),
    time_zone: 'America/Argentina/Buenos_Aires',
    notes: null,
    channel: 'whatsapp',
    created_at: start,
    updated_at: start,
    attendance: null,
  };
}

export function demoCustomers(): Map<string, CustomerProfile> {
  const now = Date.now();
  const ana: CustomerProfile = {
    customer: {
      customer_id: '+5491155550101',
      name: 'Ana Gómez',
      phone: '+5491155550101',
      channels: ['whatsapp'],
      conversations: 1,
      last_activity_at: new Date(now - 3_600_000).toISOString(),
    },
    conversations: [
      {
        id: 'whatsapp:+5491155550101',
        channel: 'whatsapp',
        created_at: new Date(now - 30 * day).toISOString(),
        updated_at: new Date(now - 3_600_000).toISOString(),
        messages: 12,
        last_message: 'gracias!',
      },
    ],
    memory: [
      { key: 'name', value: 'Ana Gómez', expires_at: new Date(now + 80 * day).toISOString(), updated_at: new Date(now).toISOString() },
      { key: 'preferred_professional', value: 'perez', expires_at: new Date(now + 80 * day).toISOString(), updated_at: new Date(now).toISOString() },
    ],
    bookings: [booking('b-past', now - 7 * day, 'COMPLETED'), booking('b-next', now + 2 * day, 'CONFIRMED')],
    audit: [],
  };
  const luis: CustomerProfile = {
    customer: {
      customer_id: '+5491144440202',
      name: 'Luis Pérez',
      phone: '+5491144440202',
      channels: ['whatsapp'],
      conversations: 1,
      last_activity_at: new Date(now - 2 * day).toISOString(),
    },
    conversations: [],
    memory: [],
    bookings: [],
    audit: [
      {
        id: 1,
        actor: 'whatsapp',
        action: 'number_changed',
        details: { from_number: '+5491144440202', to_number: '+5491166660303', message_id: 'wamid.HBgLchanged=' },
        created_at: new Date(now - day).toISOString(),
      },
    ],
  };
  return new Map([
    [ana.customer.customer_id, ana],
    [luis.customer.customer_id, luis],
  ]);
}

/** Ana's one claim, made through the assistant and accepted by the shop's hook. */
export function demoClaims() {
  return [
    {
      id: '0b0c6f1e-2f8a-4c55-9d0a-5f3e2c1b7a10',
      customer_id: '+5491155550101',
      order_id: '1234',
      description: 'Las zapatillas llegaron rotas',
      hook_claim_id: 'CL-77',
      status: 'abierto',
      created_at: '2026-12-05T15:30:00Z',
    },
  ];
}

/** The customers routes over an in-memory map of profiles; staff may only read. */
export function customerHandlers(customers: Map<string, CustomerProfile>, role: () => string) {
  const problem = (status: number, title: string) =>
    HttpResponse.json({ type: 'about:blank', title, status }, { status, headers: { 'Content-Type': 'application/problem+json' } });
  const audit = (profile: CustomerProfile, action: AuditEntry['action']) =>
    profile.audit.unshift({ id: profile.audit.length + 1, actor: 'staff:owner@demo.local', action, details: {}, created_at: new Date().toISOString() });
  return [
    http.get('*/v1/admin/customers', ({ request }) => {
      const q = new URL(request.url).searchParams.get('q')?.toLowerCase() ?? '';
      const digits = q.replace(/\D/g, '');
      const list = [...customers.values()]
        .map((p) => p.customer)
        .filter((c) => !q || c.name?.toLowerCase().includes(q) || (digits.length >= 3 && c.customer_id.includes(digits)));
      return HttpResponse.json({ customers: list });
    }),
    http.get('*/v1/admin/customers/:id/claims', ({ params }) =>
      HttpResponse.json({ claims: params.id === '+5491155550101' ? demoClaims() : [] }),
    ),
    http.get('*/v1/admin/customers/:id', ({ params }) => {
      const profile = customers.get(String(params.id));
      return profile ? HttpResponse.json(profile) : problem(404, 'Not Found');
    }),
    http.delete('*/v1/admin/customers/:id/memory/:key', ({ params }) => {
      const profile = customers.get(String(params.id));
      if (role() === 'staff') return problem(403, 'Forbidden');
      if (!profile || !profile.memory.some((m) => m.key === params.key)) return problem(404, 'Not Found');
      profile.memory = profile.memory.filter((m) => m.key !== params.key);
      audit(profile, 'memory_forgotten');
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete('*/v1/admin/customers/:id/memory', ({ params }) => {
      const profile = customers.get(String(params.id));
      if (role() === 'staff') return problem(403, 'Forbidden');
      if (!profile || profile.memory.length === 0) return problem(404, 'Not Found');
      profile.memory = [];
      audit(profile, 'memory_forgotten');
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/v1/admin/customers/:id/export', ({ params }) => {
      const profile = customers.get(String(params.id));
      if (role() === 'staff') return problem(403, 'Forbidden');
      if (!profile) return problem(404, 'Not Found');
      audit(profile, 'exported');
      return HttpResponse.json(
        { customer_id: profile.customer.customer_id, conversations: profile.conversations, bookings: profile.bookings },
        { headers: { 'Content-Disposition': 'attachment; filename="customer-5491155550101-2026-12-05.json"' } },
      );
    }),
    http.post('*/v1/admin/customers/:id/erase', ({ params }) => {
      const profile = customers.get(String(params.id));
      if (role() === 'staff') return problem(403, 'Forbidden');
      if (!profile) return problem(404, 'Not Found');
      customers.delete(String(params.id));
      return HttpResponse.json({
        erased_as: 'erased:0b6f',
        conversations: profile.conversations.length,
        messages: 12,
        memory_items: profile.memory.length,
        jobs: 0,
        reminders: 0,
        bookings: profile.bookings.length,
        booking_events: 4,
        gateway: 'erased',
      });
    }),
  ];
}
