import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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

    const perez = screen.getByRole('list', { name: 'Dra. Pérez' });
    expect(within(perez).getByText(/10:00 AM Ana Gómez/)).toBeInTheDocument(); // 13:00Z in Buenos Aires
    const ruiz = screen.getByRole('list', { name: 'Dr. Ruiz' });
    expect(within(ruiz).getByText('No-show')).toBeInTheDocument();

    expect(await screen.findByRole('heading', { name: 'Messages per hour (last 24 h)' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Bookings per day (last 30 days)' })).toBeInTheDocument();
    expect(await screen.findByText('The bot answered 80% of the replies.')).toBeInTheDocument();
  });
});
