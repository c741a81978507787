import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoSettings } from '@/testing/mocks/data';
import { fill, renderApp } from '@/testing/render';

describe('settings', () => {
  it('saves the project settings, keeping the flow and sending empty fields as defaults', async () => {
    const { backend } = renderApp('/settings');
    const name = await screen.findByLabelText(/^Name/);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await userEvent.clear(name);
    await fill(name, 'Clínica Centro');
    await fill(screen.getByLabelText(/Reminder lead time/), '120');
    await fill(screen.getByLabelText(/Messages per minute per phone/), '20');
    await userEvent.click(save);
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    const put = backend.state.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe('/v1/admin/projects/demo/settings');
    expect(put?.body).toEqual({
      name: 'Clínica Centro',
      time_zone: 'America/Argentina/Buenos_Aires',
      locale: 'es',
      settings: {
        flow: demoSettings().settings.flow,
        reminder_lead_minutes: 120,
        rate_limits: { per_phone_per_minute: 20 },
      },
    });
  });

  it('creates an API key shown once with a copy button, and revokes one after asking', async () => {
    const { backend } = renderApp('/settings');
    await fill(await screen.findByLabelText('New key name'), 'web');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    const dialog = await screen.findByRole('dialog', { name: 'New API key' });
    expect(within(dialog).getByText('aia_Zx9qSecretShownOnce')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText('aia_Zx9qSecretShownOnce')).not.toBeInTheDocument());
    expect(await screen.findByRole('cell', { name: 'web' })).toBeInTheDocument();
    // last use: the new key never, the demo key on its day
    expect(within(screen.getByRole('row', { name: /^web/ })).getByRole('cell', { name: 'Never' })).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /^demo/ })).queryByRole('cell', { name: 'Never' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Revoke the key demo' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke the key?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(backend.state.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/api-keys/k1'))).toBe(true));
    expect(await screen.findByRole('cell', { name: 'Revoked' })).toBeInTheDocument();
  });

  it('rotates the webhook secret after asking and shows the new one once', async () => {
    renderApp('/settings');
    await userEvent.click(await screen.findByRole('button', { name: 'Rotate secret' }));
    const confirm = await screen.findByRole('dialog', { name: 'Rotate the webhook secret?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Rotate secret' }));
    const shown = await screen.findByRole('dialog', { name: 'New webhook secret' });
    expect(within(shown).getByText('whsec-rotated-once')).toBeInTheDocument();
  });
});
