import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fill, renderApp } from '@/testing/render';

describe('console users', () => {
  it('invites a user and shows the set-password link once with a copy button', async () => {
    const { backend } = renderApp('/settings');
    const form = await screen.findByRole('form', { name: 'Invite a console user' });
    await fill(within(form).getByLabelText(/E-mail/), 'New@Demo.local');
    await userEvent.click(within(form).getByRole('button', { name: 'Invite' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set-password link' });
    expect(within(dialog).getByTestId('invite-link')).toHaveTextContent(`${window.location.origin}/set-password#tok-once-123`);
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(backend.state.requests.find((r) => r.method === 'POST' && r.path === '/v1/admin/projects/demo/users')?.body).toEqual({
      email: 'New@Demo.local',
      role: 'staff',
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByTestId('invite-link')).not.toBeInTheDocument());
    const row = await screen.findByRole('row', { name: /new@demo\.local/ });
    expect(within(row).getByText('Invited')).toBeInTheDocument();
  });

  it('deactivates after asking, and explains the last-owner refusal', async () => {
    const { backend } = renderApp('/settings');
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate staff@demo.local' }));
    const confirm = await screen.findByRole('dialog', { name: 'Deactivate this user?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Deactivate' }));
    expect(await screen.findByRole('button', { name: 'Reactivate staff@demo.local' })).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /staff@demo\.local/ })).getByText('Deactivated')).toBeInTheDocument();
    expect(backend.state.requests.some((r) => r.path === '/v1/admin/projects/demo/users/u-staff/deactivate')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Deactivate owner@demo.local' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Deactivate this user?' })).getByRole('button', { name: 'Deactivate' }));
    expect(await screen.findByText('The project needs at least one active owner: make someone else owner first.')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /owner@demo\.local/ })).getByText('Active')).toBeInTheDocument();
  });

  it('changes a role', async () => {
    const { backend } = renderApp('/settings');
    const picker = await screen.findByRole('combobox', { name: 'Role of staff@demo.local' });
    await userEvent.click(picker);
    const list = await waitFor(() => document.getElementById(picker.getAttribute('aria-controls') ?? '')!);
    await userEvent.click(within(list).getByRole('option', { name: 'Admin', hidden: true }));
    await waitFor(() =>
      expect(backend.state.requests.find((r) => r.path === '/v1/admin/projects/demo/users/u-staff/role')?.body).toEqual({ role: 'admin' }),
    );
  });

  it('is not shown to staff', async () => {
    renderApp('/settings', { role: 'staff' });
    expect(await screen.findByText(/not available/i)).toBeInTheDocument();
    expect(screen.queryByText('Console users')).not.toBeInTheDocument();
  });

  it('lets an invitee set a password through the link and signs them in', async () => {
    const { backend, router } = renderApp('/set-password#tok-once-123', { signedIn: false });
    expect(await screen.findByText('Account new@demo.local in Clínica Demo.')).toBeInTheDocument();
    await fill(screen.getByLabelText(/^New password/), 'short');
    await fill(screen.getByLabelText(/^Repeat the password/), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByText('At least 8 characters')).toBeInTheDocument();
    backend.state.validPassword = 'a-good-password';
    await userEvent.clear(screen.getByLabelText(/^New password/));
    await userEvent.clear(screen.getByLabelText(/^Repeat the password/));
    await fill(screen.getByLabelText(/^New password/), 'a-good-password');
    await fill(screen.getByLabelText(/^Repeat the password/), 'a-good-password');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/inbox'));
    expect(backend.state.requests.find((r) => r.path === '/v1/admin/invites/accept')?.body).toEqual({
      token: 'tok-once-123',
      password: 'a-good-password',
    });
  });

  it('says when a link is no longer valid', async () => {
    renderApp('/set-password#used-token', { signedIn: false });
    expect(await screen.findByText(/This link is not valid any more/)).toBeInTheDocument();
  });
});
