import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render';
import { browser } from '../api/googleCalendar';

describe('Google Calendar of a professional', () => {
  afterEach(() => vi.restoreAllMocks());

  it('connects: the owner is sent to Google and comes back to the connected professional', async () => {
    const go = vi.spyOn(browser, 'go').mockImplementation(() => {});
    const user = userEvent.setup();
    const { backend } = renderApp('/catalogue');
    await user.click(await screen.findByRole('button', { name: 'Hours of Dr. Ruiz' }));
    const drawer = await screen.findByRole('dialog', { name: 'Hours of Dr. Ruiz' });
    expect(await within(drawer).findByText('Not connected.')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Connect Google Calendar of Dr. Ruiz' }));
    await waitFor(() =>
      expect(go).toHaveBeenCalledWith('https://accounts.google.test/o/oauth2/v2/auth?client_id=test&state=pro-ruiz.sig'),
    );
    expect(backend.state.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      'POST /v1/admin/catalogue/professionals/pro-ruiz/google-calendar/connect',
    );
  });

  it('shows the connection after Google sent the browser back, and disconnects after asking', async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/catalogue?google=connected&professional=pro-perez');
    const drawer = await screen.findByRole('dialog', { name: 'Hours of Dra. Pérez' });
    expect(await within(drawer).findByText('Google Calendar connected.')).toBeInTheDocument();
    expect(await within(drawer).findByText('Connected: perez@clinic.test')).toBeInTheDocument();
    expect(within(drawer).getByText('2 booking changes waiting to be written')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Disconnect' }));
    expect(within(drawer).getByText(/Disconnect this Google Calendar\?/)).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() =>
      expect(backend.state.requests.map((r) => `${r.method} ${r.path}`)).toContain(
        'DELETE /v1/admin/catalogue/professionals/pro-perez/google-calendar',
      ),
    );
    expect(await within(drawer).findByText('Not connected.')).toBeInTheDocument();
  });

  it('tells a failed connection and lets staff only look', async () => {
    renderApp('/catalogue?google=error&reason=invalid-state', { role: 'staff' });
    expect(
      await screen.findByText('Google Calendar could not be connected (invalid-state). Try again.'),
    ).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Hours of Dra. Pérez' }));
    const drawer = await screen.findByRole('dialog', { name: 'Hours of Dra. Pérez' });
    expect(await within(drawer).findByText('Connected: perez@clinic.test')).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: 'Disconnect' })).not.toBeInTheDocument();
  });

  it('speaks Spanish', async () => {
    renderApp('/catalogue?google=connected&professional=pro-ruiz', { language: 'es' });
    const drawer = await screen.findByRole('dialog', { name: /Dr\. Ruiz/ });
    expect(await within(drawer).findByText('No conectado.')).toBeInTheDocument();
    expect(within(drawer).getByText('Google Calendar conectado.')).toBeInTheDocument();
  });
});
