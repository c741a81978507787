import { http, HttpResponse } from 'msw';
import type { ConsoleUser, ProjectRow } from '@/lib/api/types';

/** Console users and the superadmin's projects, as backend-api keeps them (last-owner rule included). */
export function demoUsers(): ConsoleUser[] {
  return [
    {
      id: 'u-owner',
      email: 'owner@demo.local',
      role: 'owner',
      status: 'active',
      superadmin: false,
      invited_by: null,
      created_at: '2026-11-01T10:00:00Z',
      deactivated_at: null,
    },
    {
      id: 'u-staff',
      email: 'staff@demo.local',
      role: 'staff',
      status: 'active',
      superadmin: false,
      invited_by: 'owner@demo.local',
      created_at: '2026-11-02T10:00:00Z',
      deactivated_at: null,
    },
  ];
}

export function demoProjects(): ProjectRow[] {
  return [
    { project_id: 'demo', name: 'Clínica Demo', locale: 'es', time_zone: 'America/Argentina/Buenos_Aires', created_at: '2026-11-01T10:00:00Z', users: 2 },
    { project_id: 'acme', name: 'Acme Dental', locale: 'en', time_zone: 'America/New_York', created_at: '2026-11-05T10:00:00Z', users: 1 },
  ];
}

export function userHandlers(state: { users: ConsoleUser[]; projects: ProjectRow[] }, me: () => { role: string; superadmin: boolean }) {
  const problem = (status: number, slug: string) =>
    HttpResponse.json(
      { type: `https://ai-assistants.dev/problems/${slug}`, title: slug, status },
      { status, headers: { 'Content-Type': 'application/problem+json' } },
    );
  const owner = () => me().role === 'owner' || me().superadmin;
  const otherOwner = (id: string) => state.users.some((u) => u.id !== id && u.role === 'owner' && u.status === 'active');
  const update = (id: string, change: Partial<ConsoleUser>) => {
    state.users = state.users.map((u) => (u.id === id ? { ...u, ...change } : u));
    return HttpResponse.json(state.users.find((u) => u.id === id));
  };
  return [
    http.get('*/v1/admin/projects/:projectId/users', () =>
      owner() ? HttpResponse.json({ users: state.users, delivery: 'link' }) : problem(403, 'forbidden'),
    ),
    http.post('*/v1/admin/projects/:projectId/users', async ({ request }) => {
      if (!owner()) return problem(403, 'forbidden');
      const body = (await request.json()) as { email: string; role: ConsoleUser['role'] };
      if (state.users.some((u) => u.email === body.email.toLowerCase())) return problem(409, 'user-exists');
      const user: ConsoleUser = {
        id: `u-${state.users.length + 1}`,
        email: body.email.toLowerCase(),
        role: body.role,
        status: 'invited',
        superadmin: false,
        invited_by: 'owner@demo.local',
        created_at: new Date().toISOString(),
        deactivated_at: null,
      };
      state.users = [...state.users, user];
      return HttpResponse.json(
        { user, delivery: 'link', invite_token: 'tok-once-123', invite_expires_at: new Date(Date.now() + 7 * 86_400_000).toISOString() },
        { status: 201 },
      );
    }),
    http.put('*/v1/admin/projects/:projectId/users/:userId/role', async ({ request, params }) => {
      const id = String(params.userId);
      const { role } = (await request.json()) as { role: ConsoleUser['role'] };
      const user = state.users.find((u) => u.id === id);
      if (!user) return problem(404, 'not-found');
      if (user.role === 'owner' && role !== 'owner' && !otherOwner(id)) return problem(409, 'last-owner');
      return update(id, { role });
    }),
    http.post('*/v1/admin/projects/:projectId/users/:userId/deactivate', ({ params }) => {
      const id = String(params.userId);
      const user = state.users.find((u) => u.id === id);
      if (!user) return problem(404, 'not-found');
      if (user.role === 'owner' && !otherOwner(id)) return problem(409, 'last-owner');
      return update(id, { status: 'deactivated', deactivated_at: new Date().toISOString() });
    }),
    http.post('*/v1/admin/projects/:projectId/users/:userId/reactivate', ({ params }) =>
      update(String(params.userId), { status: 'active', deactivated_at: null }),
    ),
    http.post('*/v1/admin/invites/lookup', async ({ request }) => {
      const { token } = (await request.json()) as { token: string };
      return token === 'tok-once-123'
        ? HttpResponse.json({ email: 'new@demo.local', project_name: 'Clínica Demo' })
        : problem(410, 'invite-invalid');
    }),
    http.post('*/v1/admin/invites/accept', async ({ request }) => {
      const { token } = (await request.json()) as { token: string };
      if (token !== 'tok-once-123') return problem(410, 'invite-invalid');
      return HttpResponse.json({ access_token: 'token-2', token_type: 'Bearer', expires_in: 28_800, role: 'staff', project_id: 'demo', superadmin: false });
    }),
    http.get('*/v1/admin/projects', () => (me().superadmin ? HttpResponse.json(state.projects) : problem(403, 'forbidden'))),
    http.post('*/v1/admin/projects', async ({ request }) => {
      const body = (await request.json()) as { id: string; name: string; time_zone: string; locale: 'es' | 'en' };
      if (state.projects.some((p) => p.project_id === body.id)) return problem(409, 'project-exists');
      state.projects = [
        { project_id: body.id, name: body.name, locale: body.locale, time_zone: body.time_zone, created_at: new Date().toISOString(), users: 0 },
        ...state.projects,
      ];
      return HttpResponse.json(
        {
          id: body.id,
          name: body.name,
          time_zone: body.time_zone,
          locale: body.locale,
          webhook_secret: 'whsec-new-project',
          api_key: { id: 'k9', name: 'default', key: 'aia_NewProjectKey', prefix: 'aia_NewP' },
        },
        { status: 201 },
      );
    }),
  ];
}
