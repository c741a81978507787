import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render';

describe('catalogue', () => {
  it('lets staff read the catalogue but not edit it', async () => {
    renderApp('/catalogue', { role: 'staff' });
    expect(await screen.findByText('Dra. Pérez')).toBeInTheDocument();
    expect(screen.getByText('You can look; an admin or the owner edits the catalogue.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add professional' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Dra. Pérez' })).not.toBeInTheDocument();
  });

  it('asks what to do with upcoming bookings before deactivating a professional', async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/catalogue');
    await user.click(await screen.findByRole('button', { name: 'Edit Dra. Pérez' }));
    const form = await screen.findByRole('dialog', { name: 'Edit professional' });
    await user.click(within(form).getByLabelText('Active'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const question = await screen.findByRole('dialog', { name: 'There are upcoming bookings' });
    expect(within(question).getByText(/Ana Gómez/)).toBeInTheDocument();
    await user.click(within(question).getByRole('button', { name: 'Keep them' }));
    await waitFor(() =>
      expect(backend.state.requests.map((r) => `${r.method} ${r.path}`)).toContain(
        'PUT /v1/admin/catalogue/professionals/pro-perez?future_bookings=keep',
      ),
    );
    await waitFor(() => expect(screen.getAllByText('Inactive')).toHaveLength(1));
  });

  it('edits weekly hours (several ranges a day) and adds time off in the clinic zone', async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/catalogue');
    await user.click(await screen.findByRole('button', { name: 'Hours of Dr. Ruiz' }));
    const drawer = await screen.findByRole('dialog', { name: 'Hours of Dr. Ruiz' });
    await user.click(await within(drawer).findByRole('button', { name: 'Add a range on Monday' }));
    await user.click(within(drawer).getByRole('button', { name: 'Save hours' }));
    await waitFor(() => {
      const put = backend.state.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/pro-ruiz/hours'));
      expect((put?.body as { ranges: unknown[] }).ranges).toHaveLength(8);
      expect((put?.body as { ranges: unknown[] }).ranges).toContainEqual({ day_of_week: 'MONDAY', start: '09:00', end: '13:00' });
    });

    await user.type(within(drawer).getByLabelText('From'), '2030-01-07T09:00');
    await user.type(within(drawer).getByLabelText('Until'), '2030-01-07T13:00');
    await user.click(within(drawer).getByRole('button', { name: 'Add time off' }));
    await waitFor(() => {
      const post = backend.state.requests.find((r) => r.method === 'POST' && r.path.endsWith('/pro-ruiz/time-off'));
      expect(post?.body).toEqual({ start: '2030-01-07T12:00:00.000Z', end: '2030-01-07T16:00:00.000Z', reason: null });
    });
  });

  it('shows and edits hours in 24-hour time whatever the browser locale', async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/catalogue');
    await user.click(await screen.findByRole('button', { name: 'Hours of Dr. Ruiz' }));
    const drawer = await screen.findByRole('dialog', { name: 'Hours of Dr. Ruiz' });
    expect(await within(drawer).findByLabelText('Tuesday from, hours')).toHaveValue('14');
    expect(within(drawer).getByLabelText('Tuesday to, hours')).toHaveValue('18');
    expect(within(drawer).queryByText(/PM|AM/)).not.toBeInTheDocument();

    const toHours = within(drawer).getByLabelText('Tuesday to, hours');
    await user.clear(toHours);
    await user.type(toHours, '19');
    const toMinutes = within(drawer).getByLabelText('Tuesday to, minutes');
    await user.clear(toMinutes);
    await user.type(toMinutes, '30');
    await user.click(within(drawer).getByRole('button', { name: 'Save hours' }));
    await waitFor(() => {
      const put = backend.state.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/pro-ruiz/hours'));
      expect((put?.body as { ranges: unknown[] }).ranges).toContainEqual({ day_of_week: 'TUESDAY', start: '14:00', end: '19:30' });
    });
  });

  it('adds a date override with other hours, one closed all day, and removes one', async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/catalogue');
    await user.click(await screen.findByRole('button', { name: 'Hours of Dr. Ruiz' }));
    const drawer = await screen.findByRole('dialog', { name: 'Hours of Dr. Ruiz' });
    expect(await within(drawer).findByText('No date overrides ahead')).toBeInTheDocument();

    await user.type(within(drawer).getByLabelText('Date'), '2030-01-10');
    const fromHours = within(drawer).getByLabelText('Override range 1 from, hours');
    await user.clear(fromHours);
    await user.type(fromHours, '10');
    await user.click(within(drawer).getByRole('button', { name: 'Add a range' }));
    await user.type(within(drawer).getByLabelText('Override reason'), 'jornada corta');
    await user.click(within(drawer).getByRole('button', { name: 'Add date override' }));
    await waitFor(() => {
      const put = backend.state.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/pro-ruiz/date-overrides/2030-01-10'));
      expect(put?.body).toEqual({
        ranges: [
          { start: '10:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ],
        reason: 'jornada corta',
      });
    });
    const thursday = await within(drawer).findByTestId('override-2030-01-10');
    expect(thursday).toHaveTextContent('Thursday, Jan 10, 2030');
    expect(thursday).toHaveTextContent('10:00–13:00, 14:00–18:00');

    await user.type(within(drawer).getByLabelText('Date'), '2030-01-11');
    await user.click(within(drawer).getByLabelText('Closed all day'));
    expect(within(drawer).queryByLabelText('Override range 1 from, hours')).not.toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Add date override' }));
    const friday = await within(drawer).findByTestId('override-2030-01-11');
    expect(within(friday).getByText('Closed')).toBeInTheDocument();
    expect(backend.state.scheduling.overrides['pro-ruiz']).toEqual([
      { date: '2030-01-10', ranges: [{ start: '10:00', end: '13:00' }, { start: '14:00', end: '18:00' }], reason: 'jornada corta' },
      { date: '2030-01-11', ranges: [], reason: null },
    ]);

    await user.click(within(drawer).getByRole('button', { name: 'Remove the override of Thursday, Jan 10, 2030' }));
    await waitFor(() => expect(within(drawer).queryByTestId('override-2030-01-10')).not.toBeInTheDocument());
    expect(backend.state.requests).toContainEqual(
      expect.objectContaining({ method: 'DELETE', path: '/v1/admin/catalogue/professionals/pro-ruiz/date-overrides/2030-01-10' }),
    );
  });

  it('shows date overrides to staff without the controls to change them', async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/catalogue', { role: 'staff' });
    backend.state.scheduling.overrides['pro-ruiz'] = [{ date: '2030-01-11', ranges: [], reason: 'feriado' }];
    await user.click(await screen.findByRole('button', { name: 'Hours of Dr. Ruiz' }));
    const drawer = await screen.findByRole('dialog', { name: 'Hours of Dr. Ruiz' });
    const friday = await within(drawer).findByTestId('override-2030-01-11');
    expect(friday).toHaveTextContent('feriado');
    expect(within(drawer).queryByRole('button', { name: 'Add date override' })).not.toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: /Remove the override/ })).not.toBeInTheDocument();
  });
});
