import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render';

describe('calendar', () => {
  it("shows the week's bookings in the clinic's time zone and hides cancelled ones until asked", async () => {
    const user = userEvent.setup();
    renderApp('/calendar');
    expect(await screen.findByText("Times in the clinic's time zone: America/Argentina/Buenos_Aires")).toBeInTheDocument();
    expect(await screen.findByText(/Ana Gómez · Limpieza/)).toBeInTheDocument();
    expect(screen.queryByText(/Eva Cancelada/)).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Show cancelled'));
    expect(await screen.findByText(/Eva Cancelada/)).toBeInTheDocument();
  });

  it("shows the patient's answer to a reminder on the event and in the booking", async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/calendar');
    backend.state.scheduling.bookings[0]!.attendance = 'CONFIRMED';
    const event = (await screen.findByText(/Ana Gómez · Limpieza/)).closest('[title]')!;
    expect(event).toHaveAttribute('title', expect.stringContaining('The patient confirmed they will come'));
    expect(event.textContent).toContain('✓ Ana Gómez · Limpieza');
    await user.click(event);
    const drawer = await screen.findByRole('dialog', { name: 'Booking' });
    expect(within(drawer).getByText('The patient confirmed they will come')).toBeInTheDocument();
  });

  it("opens a booking's history (who did what) and marks that the patient did not come", async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/calendar');
    await user.click(await screen.findByText(/Ana Gómez · Limpieza/));
    const drawer = await screen.findByRole('dialog', { name: 'Booking' });
    expect(await within(drawer).findByText('staff@demo.local')).toBeInTheDocument();
    expect(within(drawer).getAllByText('The patient (WhatsApp assistant)')).toHaveLength(2);
    expect(within(drawer).getByText('Moved')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Did not come' }));
    await waitFor(() =>
      expect(backend.state.requests).toContainEqual(
        expect.objectContaining({ method: 'POST', path: '/v1/admin/calendar/bookings/b-ana/outcome', body: { outcome: 'NO_SHOW' } }),
      ),
    );
  });

  it('cancels with a reason and a WhatsApp notice', async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/calendar');
    await user.click(await screen.findByText(/Ana Gómez · Limpieza/));
    const drawer = await screen.findByRole('dialog', { name: 'Booking' });
    await user.type(within(drawer).getByLabelText('Reason (optional)'), 'llamó para cancelar');
    await user.click(within(drawer).getByRole('button', { name: 'Cancel booking' }));
    await waitFor(() =>
      expect(backend.state.requests).toContainEqual(
        expect.objectContaining({
          path: '/v1/admin/calendar/bookings/b-ana/cancel',
          body: { reason: 'llamó para cancelar', notify_patient: true },
        }),
      ),
    );
  });

  it('books a new patient by phone, confirmed at once and told on WhatsApp', async () => {
    const user = userEvent.setup();
    const { backend } = renderApp('/calendar');
    await user.click(await screen.findByRole('button', { name: 'New booking' }));
    const modal = await screen.findByRole('dialog', { name: 'New booking' });
    await waitFor(() => expect(within(modal).getByLabelText('Time')).toBeEnabled());
    await user.click(within(modal).getByText('New patient'));
    await user.type(within(modal).getByLabelText('WhatsApp phone'), '+5491155550303');
    await user.type(within(modal).getByLabelText('Name'), 'Marta Ríos');
    await user.click(within(modal).getByRole('button', { name: 'Book' }));
    expect(await screen.findByText(/the patient was told on WhatsApp/)).toBeInTheDocument();
    const request = backend.state.requests.find((r) => r.method === 'POST' && r.path === '/v1/admin/calendar/bookings');
    expect(request?.body).toMatchObject({
      service_id: 'svc-cleaning',
      professional_id: 'pro-perez',
      phone: '+5491155550303',
      customer_name: 'Marta Ríos',
      notify_patient: true,
    });
    expect((request?.body as { idempotency_key: string }).idempotency_key).toBeTruthy();
  });
});
