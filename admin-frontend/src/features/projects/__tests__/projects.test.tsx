import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fill, renderApp } from '@/testing/render';

describe('projects (superadmin)', () => {
  it('lists projects and creates one, showing its key and webhook secret once', async () => {
    const { backend } = renderApp('/projects', { superadmin: true });
    expect(await screen.findByRole('cell', { name: 'Acme Dental' })).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'New project' });
    await fill(within(form).getByLabelText(/^Id/), 'Bad Id');
    await fill(within(form).getByLabelText(/^Name/), 'Centro Norte');
    await userEvent.click(within(form).getByRole('button', { name: 'Create project' }));
    expect(await screen.findByText('2-63 lowercase letters, digits or dashes')).toBeInTheDocument();
    await userEvent.clear(within(form).getByLabelText(/^Id/));
    await fill(within(form).getByLabelText(/^Id/), 'centro-norte');
    await userEvent.click(within(form).getByRole('button', { name: 'Create project' }));
    const dialog = await screen.findByRole('dialog', { name: 'Project created' });
    expect(within(dialog).getByText('aia_NewProjectKey')).toBeInTheDocument();
    expect(within(dialog).getByText('whsec-new-project')).toBeInTheDocument();
    expect(backend.state.requests.find((r) => r.method === 'POST' && r.path === '/v1/admin/projects')?.body).toEqual({
      id: 'centro-norte',
      name: 'Centro Norte',
      time_zone: 'America/Argentina/Buenos_Aires',
      locale: 'es',
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('cell', { name: 'Centro Norte' })).toBeInTheDocument();
  });

  it('is only for superadmins (not in the navigation, not available at its address)', async () => {
    renderApp('/projects', { role: 'owner' });
    expect(await screen.findByText(/not available/i)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Projects' })).not.toBeInTheDocument();
  });
});
