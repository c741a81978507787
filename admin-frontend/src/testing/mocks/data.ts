import type { ConversationItem, DashboardStats, Me, Message, ProjectSettings, SettingsVersion, SimulatorEntry } from '@/lib/api/types';

/** A small clinic as the API would describe it, for component tests (follows the console contract). */
export function demoMe(role: Me['role'] = 'owner', superadmin = false): Me {
  return {
    email: `${role}@demo.local`,
    role,
    project_id: 'demo',
    superadmin,
    projects: [
      { project_id: 'demo', name: 'Clínica Demo', locale: 'es' as const, time_zone: 'America/Argentina/Buenos_Aires' },
      ...(superadmin
        ? [{ project_id: 'acme', name: 'Acme Dental', locale: 'en' as const, time_zone: 'America/New_York' }]
        : []),
    ],
  };
}

export function demoConversations(): ConversationItem[] {
  return [
    {
      conversation_id: 'whatsapp:+5491155550101',
      channel: 'whatsapp',
      customer_id_masked: '+54 9 11 ****-0101',
      customer_name: 'Ana Gómez',
      last_message_text: 'quiero hablar con una persona',
      last_message_role: 'user',
      last_message_at: '2026-12-04T13:05:00Z',
      state: 'needs_human',
      unread_count: 2,
      paused: false,
      needs_human_since: '2026-12-04T13:05:00Z',
    },
    {
      conversation_id: 'whatsapp:+5491155550102',
      channel: 'whatsapp',
      customer_id_masked: '+54 9 11 ****-0102',
      customer_name: 'Luis Pérez',
      last_message_text: 'Listo, tu turno quedó confirmado.',
      last_message_role: 'assistant',
      last_message_at: '2026-12-04T12:40:00Z',
      state: 'bot',
      unread_count: 0,
      paused: false,
      needs_human_since: null,
    },
    {
      conversation_id: 'web-7',
      channel: 'web',
      customer_id_masked: null,
      customer_name: null,
      last_message_text: 'Ya te paso con la doctora.',
      last_message_role: 'staff',
      last_message_at: '2026-12-03T18:00:00Z',
      state: 'staff',
      unread_count: 0,
      paused: true,
      needs_human_since: null,
    },
  ];
}

export function demoMessages(): Message[] {
  return [
    { id: 1, role: 'user', kind: 'text', text: 'hola, quiero un turno', created_at: '2026-12-04T13:00:00Z', booking_ids: null },
    { id: 2, role: 'assistant', kind: 'text', text: '¡Hola! ¿Para qué servicio?', created_at: '2026-12-04T13:00:01Z', booking_ids: null },
    { id: 3, role: 'system', text: 'Turno confirmado: Consulta, 5/12 10:00', created_at: '2026-12-04T13:02:00Z', kind: 'booking', booking_ids: ['b-41'] },
    { id: 35, role: 'system', kind: 'booking', text: '', booking_ids: ['b-ana', 'b-42'], created_at: '2026-12-04T13:02:01Z' },
    { id: 4, role: 'user', kind: 'text', text: 'quiero hablar con una persona', created_at: '2026-12-04T13:05:00Z', booking_ids: null },
  ];
}

export function demoDashboard(): DashboardStats {
  const now = Date.parse('2026-12-04T15:00:00Z');
  return {
    time_zone: 'America/Argentina/Buenos_Aires',
    today_agenda: [
      {
        booking_id: 'b1',
        start: '2026-12-04T13:00:00Z',
        end: '2026-12-04T13:30:00Z',
        professional_name: 'Dra. Pérez',
        service_name: 'Consulta',
        customer_name: 'Ana Gómez',
        status: 'CONFIRMED',
      },
      {
        booking_id: 'b2',
        start: '2026-12-04T17:00:00Z',
        end: '2026-12-04T17:45:00Z',
        professional_name: 'Dr. Ruiz',
        service_name: 'Limpieza',
        customer_name: 'Luis Pérez',
        status: 'NO_SHOW',
      },
    ],
    bookings_today: 2,
    bookings_week: 9,
    bookings_made_today: 4,
    bookings_available: true,
    messages_per_hour: Array.from({ length: 24 }, (_, index) => ({
      hour: new Date(now - (23 - index) * 3_600_000).toISOString(),
      inbound: (index * 7) % 5,
      outbound: (index * 5) % 4,
    })),
    bookings_per_day: Array.from({ length: 30 }, (_, index) => ({
      date: new Date(now - (29 - index) * 86_400_000).toISOString().slice(0, 10),
      count: (index * 3) % 6,
    })),
    replies_by_bot: 120,
    replies_by_staff: 30,
    no_shows: 3,
    reminders: { days: 30, sent: 20, confirmed: 13, cancelled: 2, rescheduled: 1, no_answer: 4, confirmation_rate: 0.65 },
    conversations: 40,
    conversations_with_booking: 14,
    links: {
      available: true,
      within_days: 7,
      links: [
        { code: 'PROMO_OTONO', accesses: 12, patients: 10, booked: 4, conversion_rate: 0.4 },
        { code: 'MENU_INIT', accesses: 5, patients: 2, booked: 0, conversion_rate: 0 },
      ],
    },
  };
}

let phoneIds = 0;

/** A transcript entry as the API answers it, with the fields a test does not care about filled in. */
export function phoneMessage(entry: Pick<SimulatorEntry, 'direction' | 'text'> & Partial<SimulatorEntry>): SimulatorEntry {
  return {
    id: ++phoneIds,
    kind: 'text',
    at: new Date().toISOString(),
    buttons: null,
    list_items: null,
    list_title: null,
    reply_id: null,
    ...entry,
  };
}

export function demoTranscript(): SimulatorEntry[] {
  return [
    phoneMessage({ direction: 'in', text: 'hola', at: '2026-12-04T13:00:00Z' }),
    phoneMessage({
      direction: 'out',
      kind: 'buttons',
      text: '¡Hola! ¿Qué querés hacer?',
      buttons: [
        { id: 'book', title: 'Sacar turno', description: null },
        { id: 'mine', title: 'Mis turnos', description: null },
      ],
      at: '2026-12-04T13:00:01Z',
    }),
  ];
}

export function demoSettings(): ProjectSettings {
  return {
    id: 'demo',
    name: 'Clínica Demo',
    time_zone: 'America/Argentina/Buenos_Aires',
    locale: 'es',
    settings: {
      flow: {
        greeting: '¡Hola! Soy el asistente de Clínica Demo.',
        engine: 'deterministic',
        menu_style: 'buttons',
        system_prompt: 'Sos la recepción de Clínica Demo.\nRespondé breve.',
      },
    },
  };
}

/** Three saved versions, newest first: the prompt changed once, then the greeting. */
export function demoSettingsHistory(): SettingsVersion[] {
  const current = demoSettings().settings;
  const older = { ...current, flow: { ...current.flow, system_prompt: 'Sos la recepción de Clínica Demo.\nRespondé con detalle.' } };
  return [
    { version: 3, settings: current, changed_by: 'owner@demo.local', changed_at: '2026-12-03T12:00:00Z' },
    { version: 2, settings: { ...older, flow: { ...older.flow, greeting: 'Hola' } }, changed_by: 'owner@demo.local', changed_at: '2026-12-02T12:00:00Z' },
    { version: 1, settings: older, changed_by: 'owner@demo.local', changed_at: '2026-12-01T12:00:00Z' },
  ];
}
