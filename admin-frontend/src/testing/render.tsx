import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider, createQueryClient } from '@/app/provider';
import { routes } from '@/app/router';
import type { Role } from '@/lib/api/types';
import { sessionStore } from '@/lib/auth/session';
import type { RuntimeConfig } from '@/lib/config';
import { chooseLanguage } from '@/lib/i18n';
import { createBackend } from './mocks/handlers';
import { server } from './mocks/server';

export interface RenderOptions {
  role?: Role;
  superadmin?: boolean;
  signedIn?: boolean;
  config?: RuntimeConfig;
  language?: 'es' | 'en';
}

/** Renders the whole console at `path` against an MSW backend; returns the backend's state to inspect. */
export function renderApp(path: string, options: RenderOptions = {}) {
  const backend = createBackend({ role: options.role, superadmin: options.superadmin });
  server.use(...backend.handlers);
  chooseLanguage(options.language ?? 'en');
  if (options.signedIn ?? true) {
    sessionStore.set({
      token: 'token-1',
      expiresAt: Date.now() + 3_600_000,
      email: backend.state.me.email ?? undefined,
      role: backend.state.me.role,
      projectId: 'demo',
      superadmin: backend.state.me.superadmin,
    });
  } else {
    sessionStore.set(null);
  }
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const view = render(
    <AppProvider config={options.config ?? { auth: { mode: 'local' } }} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, router, backend, push: backend.push, queryClient };
}

/** Types by pasting: one input event instead of one per key (fast on a busy machine). */
export async function fill(element: HTMLElement, text: string) {
  await userEvent.click(element);
  await userEvent.paste(text);
}
