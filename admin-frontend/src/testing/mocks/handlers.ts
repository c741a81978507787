import { http, HttpResponse, ws } from 'msw';
import type { ConversationItem, Message } from '@/lib/api/types';
import { customerHandlers, demoCustomers } from './customers';
import { demoScheduling, schedulingHandlers } from './scheduling';
import { demoProjects, demoUsers, userHandlers } from './users';
import { demoConversations, demoDashboard, demoMe, demoMessages, demoSettings, demoSettingsHistory, demoTranscript, phoneMessage } from './data';

/** An in-memory backend-api for component tests, speaking the console contract over HTTP. */
export function createBackend(options: { role?: 'owner' | 'admin' | 'staff'; superadmin?: boolean } = {}) {
  const state = {
    me: demoMe(options.role ?? 'owner', options.superadmin ?? false),
    conversations: demoConversations(),
    messages: new Map<string, Message[]>([['whatsapp:+5491155550101', demoMessages()]]),
    transcript: demoTranscript(),
    requests: [] as { method: string; path: string; body: unknown; headers: Headers }[],
    validPassword: 'demo1234',
    scheduling: demoScheduling(),
    customers: demoCustomers(),
    consoleUsers: { users: demoUsers(), projects: demoProjects() },
    settings: demoSettings(),
    history: demoSettingsHistory(),
    /** The orders hook as backend-api shows it: the URL and whether a secret is set (the secret itself never). */
    orderHook: { url: null as string | null, secret_set: false },
    /** The project's WhatsApp connection as backend-api reports it (the WhatsApp page's tests install their own). */
    whatsapp: {
      provider: 'simulator',
      state: 'connected',
      detail: '',
      qr_code: null as string | null,
      pairing_code: null as string | null,
      since: '2026-12-04T13:00:00Z',
      can_manage: true,
      phone_number: '+5491155550000' as string | null,
    },
    apiKeys: [
      {
        id: 'k1',
        name: 'demo',
        prefix: 'demo-loc',
        created_at: '2026-12-01T10:00:00Z',
        revoked_at: null as string | null,
        last_used_at: '2026-12-04T09:30:00Z' as string | null,
      },
    ],
  };
  const problem = (status: number, title: string) =>
    HttpResponse.json({ type: 'about:blank', title, status }, { status, headers: { 'Content-Type': 'application/problem+json' } });
  const authorized = (request: Request) => request.headers.get('Authorization')?.startsWith('Bearer ');
  const record = async (request: Request) => {
    const url = new URL(request.url);
    const body = request.method === 'GET' ? undefined : await request.clone().json().catch(() => undefined);
    state.requests.push({ method: request.method, path: url.pathname + url.search, body, headers: request.headers });
  };
  const find = (id: string): ConversationItem | undefined => state.conversations.find((c) => c.conversation_id === id);

  const events = ws.link('ws://*/v1/ws/events');
  const simulator = ws.link('ws://*/v1/ws/simulator');
  const handlers = [
    events.addEventListener('connection', () => {}),
    simulator.addEventListener('connection', () => {}),
    http.all('*/v1/*', async ({ request }) => {
      await record(request);
      return undefined; // fall through to the specific handlers
    }),
    http.post('*/v1/admin/login', async ({ request }) => {
      const body = (await request.json()) as { email: string; password: string };
      if (body.password !== state.validPassword) return problem(401, 'Unauthorized');
      return HttpResponse.json({
        access_token: 'token-1',
        token_type: 'Bearer',
        expires_in: 28_800,
        role: state.me.role,
        project_id: 'demo',
        superadmin: state.me.superadmin,
      });
    }),
    http.get('*/v1/admin/me', ({ request }) => (authorized(request) ? HttpResponse.json(state.me) : problem(401, 'Unauthorized'))),
    http.get('*/v1/admin/conversations', ({ request }) => {
      if (!authorized(request)) return problem(401, 'Unauthorized');
      const url = new URL(request.url);
      const q = url.searchParams.get('q')?.toLowerCase();
      const wanted = url.searchParams.get('state');
      const items = state.conversations.filter(
        (c) =>
          (!wanted || c.state === wanted) &&
          (!q ||
            [c.customer_name, c.customer_id_masked, c.last_message_text].some((field) => field?.toLowerCase().includes(q))),
      );
      return HttpResponse.json({ items, total: items.length });
    }),
    http.get('*/v1/admin/conversations/:id/messages', ({ params }) =>
      HttpResponse.json(state.messages.get(String(params.id)) ?? []),
    ),
    http.post('*/v1/admin/conversations/:id/pause', ({ params }) => {
      const c = find(String(params.id));
      if (!c) return problem(404, 'Not Found');
      Object.assign(c, { paused: true, state: 'staff' });
      return HttpResponse.json({ conversation_id: c.conversation_id, paused: true });
    }),
    http.post('*/v1/admin/conversations/:id/resume', ({ params }) => {
      const c = find(String(params.id));
      if (!c) return problem(404, 'Not Found');
      Object.assign(c, { paused: false, state: 'bot' });
      return HttpResponse.json({ conversation_id: c.conversation_id, paused: false });
    }),
    http.post('*/v1/admin/conversations/:id/read', ({ params }) => {
      const c = find(String(params.id));
      if (c) c.unread_count = 0;
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('*/v1/admin/conversations/:id/reply', async ({ params, request }) => {
      const { text } = (await request.json()) as { text: string };
      const id = String(params.id);
      const list = state.messages.get(id) ?? [];
      const message: Message = { id: list.length + 100, role: 'staff', kind: 'text', text, created_at: new Date().toISOString(), booking_ids: null };
      state.messages.set(id, [...list, message]);
      return HttpResponse.json(message);
    }),
    http.post('*/v1/ws/tokens', () => HttpResponse.json({ token: 'ws-token', expires_in: 60 })),
    http.get('*/v1/admin/stats/dashboard', () => HttpResponse.json(demoDashboard())),
    http.get('*/v1/admin/simulator', () => HttpResponse.json({ enabled: true })),
    http.get('*/v1/admin/simulator/users/:phone/messages', () => HttpResponse.json(state.transcript)),
    http.post('*/v1/admin/simulator/users/:phone/messages', async ({ request }) => {
      const body = (await request.json()) as { text?: string; reply_title?: string };
      const entry = phoneMessage({ direction: 'in', text: body.text ?? body.reply_title ?? '' });
      state.transcript = [...state.transcript, entry];
      return HttpResponse.json({ message_id: 'm1' }, { status: 202 });
    }),
    http.get('*/v1/admin/projects/:id/settings', () => HttpResponse.json(state.settings)),
    http.put('*/v1/admin/projects/:id/settings', async ({ request }) => {
      if (state.me.role !== 'owner') return problem(403, 'Forbidden');
      state.settings = { id: state.settings.id, ...((await request.json()) as Omit<typeof state.settings, 'id'>) };
      state.history = [
        { version: state.history[0]!.version + 1, settings: state.settings.settings, changed_by: 'owner@demo.local', changed_at: new Date().toISOString() },
        ...state.history,
      ];
      return HttpResponse.json(state.settings);
    }),
    http.get('*/v1/admin/projects/:id/settings/history', () => HttpResponse.json(state.history)),
    http.get('*/v1/admin/projects/:id/order-hook', () =>
      state.me.role !== 'owner' ? problem(403, 'Forbidden') : HttpResponse.json(state.orderHook),
    ),
    http.put('*/v1/admin/projects/:id/order-hook', async ({ request }) => {
      if (state.me.role !== 'owner') return problem(403, 'Forbidden');
      const body = (await request.json()) as { url: string; secret?: string };
      if (!body.url.startsWith('https://')) return problem(400, 'Bad Request');
      if (!body.secret && !state.orderHook.secret_set) return problem(400, 'Bad Request');
      state.orderHook = { url: body.url, secret_set: true };
      return HttpResponse.json(state.orderHook);
    }),
    http.delete('*/v1/admin/projects/:id/order-hook', () => {
      state.orderHook = { url: null, secret_set: false };
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/v1/admin/whatsapp/connection', () => HttpResponse.json(state.whatsapp)),
    http.get('*/v1/admin/projects/:id/api-keys', () =>
      state.me.role === 'staff' ? problem(403, 'Forbidden') : HttpResponse.json(state.apiKeys),
    ),
    ...schedulingHandlers(state.scheduling, () => state.me.role),
    ...customerHandlers(state.customers, () => state.me.role),
    ...userHandlers(state.consoleUsers, () => state.me),
    http.post('*/v1/admin/projects/:id/api-keys', async ({ request }) => {
      const { name } = (await request.json()) as { name: string };
      const key = { id: `k${state.apiKeys.length + 1}`, name, prefix: 'aia_Zx9q', created_at: new Date().toISOString(), revoked_at: null, last_used_at: null };
      state.apiKeys = [...state.apiKeys, key];
      return HttpResponse.json({ id: key.id, name, prefix: key.prefix, key: 'aia_Zx9qSecretShownOnce' }, { status: 201 });
    }),
    http.delete('*/v1/admin/projects/:id/api-keys/:keyId', ({ params }) => {
      state.apiKeys = state.apiKeys.map((key) => (key.id === params.keyId ? { ...key, revoked_at: new Date().toISOString() } : key));
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('*/v1/admin/projects/:id/webhook-secret', () => HttpResponse.json({ webhook_secret: 'whsec-rotated-once' })),
  ];
  /** Pushes a live event frame to every connected console. */
  const push = (frame: Record<string, unknown>) => events.broadcast(JSON.stringify(frame));
  /** Pushes a simulator frame to every open phone. */
  const pushPhone = (frame: Record<string, unknown>) => simulator.broadcast(JSON.stringify(frame));
  return { state, handlers, push, pushPhone };
}
