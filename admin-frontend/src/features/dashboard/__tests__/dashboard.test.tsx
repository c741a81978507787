import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoDashboard } from '@/testing/mocks/data';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/render';

describe('dashboard', () => {
  it('shows the counters, today\'s agenda and the charts', async () => {
    renderApp('/dashboard');
    expect(await screen.findByText('Bookings today')).toBeInTheDocument();
    expect(screen.getByText('9')).toBeInTheDocument(); // this week
    expect(screen.getByText('4 booked today')).toBeInTheDocument();
    expect(screen.getByText('35%')).toBeInTheDocument(); // 14 of 40 conversations booked
    expect(screen.getByText('14 of 40 in the last 30 days')).toBeInTheDocument();
    expect(screen.getByText('3')).toBeInTheDocument(); // no-shows
    expect(screen.getByText('Reminders confirmed')).toBeInTheDocument();
    expect(screen.getByText('65%')).toBeInTheDocument(); // 13 of 20 reminders confirmed
    expect(
      screen.getByText('13 of 20 reminders confirmed in the last 30 days · 2 cancelled, 1 moved, 4 no answer'),
    ).toBeInTheDocument();

    const perez = screen.getByRole('list', { name: 'Dra. Pérez' });
    expect(within(perez).getByText(/10:00 AM Ana Gómez/)).toBeInTheDocument(); // 13:00Z in Buenos Aires
    const ruiz = screen.getByRole('list', { name: 'Dr. Ruiz' });
    expect(within(ruiz).getByText('No-show')).toBeInTheDocument();

    expect(await screen.findByRole('heading', { name: 'Messages per hour (last 24 h)' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Bookings per day (last 30 days)' })).toBeInTheDocument();
    expect(await screen.findByText('The bot answered 80% of the replies.')).toBeInTheDocument();
  });

  it('shows a dash for the confirmation rate while no reminder was sent, in Spanish', async () => {
    renderApp('/dashboard', { language: 'es' });
    // answers the page's request, which goes out after this synchronous line
    server.use(
      http.get('*/v1/admin/stats/dashboard', () =>
        HttpResponse.json({
          ...demoDashboard(),
          reminders: { days: 30, sent: 0, confirmed: 0, cancelled: 0, rescheduled: 0, no_answer: 0, confirmation_rate: 0 },
        }),
      ),
    );
    expect(await screen.findByText('Recordatorios confirmados')).toBeInTheDocument();
    expect(screen.getByText('—')).toBeInTheDocument();
    expect(
      screen.getByText('0 de 0 recordatorios confirmados en los últimos 30 días · 0 cancelados, 0 movidos, 0 sin respuesta'),
    ).toBeInTheDocument();
  });

  it('shows which activation links led to bookings', async () => {
    renderApp('/dashboard');
    const table = await screen.findByRole('table', { name: 'Which links lead to bookings' });
    const promo = within(table).getByRole('row', { name: /PROMO_OTONO/ });
    expect(within(promo).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['PROMO_OTONO', '12', '10', '4', '40%']);
    const menu = within(table).getByRole('row', { name: /MENU_INIT/ });
    expect(within(menu).getByText('0%')).toBeInTheDocument();
    expect(screen.getByText(/booking confirmed within 7 days of opening the link/)).toBeInTheDocument();
  });

  it('says so when the link figures are unavailable, in Spanish', async () => {
    renderApp('/dashboard', { language: 'es' });
    server.use(
      http.get('*/v1/admin/stats/dashboard', () =>
        HttpResponse.json({ ...demoDashboard(), links: { available: false, within_days: 7, links: [] } }),
      ),
    );
    expect(await screen.findByText('Qué enlaces terminan en turnos')).toBeInTheDocument();
    expect(
      screen.getByText('Las cifras de enlaces no están disponibles ahora (el registro de turnos no respondió).'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Qué enlaces terminan en turnos' })).not.toBeInTheDocument();
  });
});
