import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/render';
import { sessionStore } from '@/lib/auth/session';

describe('sign-in', () => {
  it('sends a visitor to sign-in and back to the page asked for', async () => {
    const { router } = renderApp('/dashboard', { signedIn: false });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toContain(encodeURIComponent('/dashboard'));

    await userEvent.type(screen.getByLabelText(/Email/), 'owner@demo.local');
    await userEvent.type(screen.getByLabelText(/Password/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');

    await userEvent.clear(screen.getByLabelText(/Password/));
    await userEvent.type(screen.getByLabelText(/Password/), 'demo1234');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard');
    expect(sessionStore.get()?.token).toBe('token-1');
  });

  it('validates the form before calling the API', async () => {
    const { backend } = renderApp('/sign-in', { signedIn: false });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(backend.state.requests.filter((r) => r.path === '/v1/admin/login')).toHaveLength(0);
  });

  it('returns to sign-in when the session expires, remembering the page', async () => {
    const { router } = renderApp('/inbox');
    expect(await screen.findByRole('heading', { name: 'Inbox' })).toBeInTheDocument();
    server.use(
      http.get('*/v1/admin/stats/dashboard', () =>
        HttpResponse.json({ title: 'Unauthorized', status: 401 }, { status: 401 }),
      ),
    );
    await router.navigate('/dashboard');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/dashboard')}`);
    expect(sessionStore.get()).toBeNull();
  });

  it('offers the company sign-in when the runtime config says Cognito', async () => {
    renderApp('/sign-in', {
      signedIn: false,
      config: { auth: { mode: 'cognito', authority: 'https://cognito.example/pool', client_id: 'abc' } },
    });
    expect(await screen.findByRole('button', { name: 'Continue with your company account' })).toBeInTheDocument();
    expect(screen.queryByLabelText(/Password/)).not.toBeInTheDocument();
  });

  it('speaks Spanish and switches language', async () => {
    renderApp('/sign-in', { signedIn: false, language: 'es' });
    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeInTheDocument();
    await userEvent.click(screen.getByText('EN'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('roles', () => {
  it('staff see no owner-only page and are stopped at its address', async () => {
    const { router } = renderApp('/inbox', { role: 'staff' });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    await waitFor(() => expect(within(nav).getByRole('link', { name: /Inbox/ })).toBeInTheDocument());
    expect(within(nav).getByRole('link', { name: /Phone/ })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: /Settings/ })).not.toBeInTheDocument();

    await router.navigate('/settings');
    expect(await screen.findByRole('heading', { name: 'Not available for your role' })).toBeInTheDocument();
  });

  it('owners see and open the settings', async () => {
    renderApp('/settings', { role: 'owner' });
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    expect(await screen.findByText('demo-loc…')).toBeInTheDocument();
  });

  it('a superadmin switches project and the API hears it', async () => {
    const { backend } = renderApp('/dashboard', { role: 'owner', superadmin: true });
    const picker = await screen.findByRole('combobox', { name: 'Project' });
    await userEvent.click(picker);
    await userEvent.click(await screen.findByRole('option', { name: 'Acme Dental', hidden: true }));
    await waitFor(() =>
      expect(
        backend.state.requests.some((r) => r.path.startsWith('/v1/admin/stats/dashboard') && r.headers.get('X-Project-Id') === 'acme'),
      ).toBe(true),
    );
  });
});
