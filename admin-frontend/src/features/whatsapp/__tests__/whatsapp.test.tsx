import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fill, renderApp } from '@/testing/render';
import { server } from '@/testing/mocks/server';
import { parseNumbers } from '../components/AllowedNumbersCard';
import { formatPairingCode } from '../components/ConnectionCard';
import { deliveryOf } from '../components/RecentMessagesCard';

/** backend-api's /v1/admin/whatsapp routes over one in-memory number (staff read; QR for admins only). */
function whatsapp(role: 'owner' | 'admin' | 'staff') {
  const manager = role !== 'staff';
  const state = {
    state: 'needs_qr',
    qr: '2@first',
    pairing: null as string | null,
    allowed: [] as string[],
    failed: [
      { id: 41, from_number: '5491155550101', kind: 'text', text: 'quiero un turno', received_at: '2026-12-04T13:00:00Z', attempts: 15, last_error: 'HTTP 503' },
    ],
    calls: [] as string[],
  };
  const connection = () => ({
    provider: 'simulator',
    state: state.state,
    detail: '',
    qr_code: manager && state.state === 'needs_qr' ? state.qr : null,
    pairing_code: manager && state.state === 'needs_pairing_code' ? state.pairing : null,
    since: '2026-12-04T13:00:00Z',
    can_manage: manager,
    phone_number: state.state === 'connected' ? '+5491155550100' : null,
  });
  const forbidden = () =>
    HttpResponse.json({ type: 'https://ai-assistants.dev/problems/forbidden', title: 'Forbidden', status: 403 }, { status: 403 });
  server.use(
    http.get('*/v1/admin/whatsapp/connection', () => HttpResponse.json(connection())),
    http.post('*/v1/admin/whatsapp/logout', () => {
      if (!manager) return forbidden();
      state.calls.push('logout');
      state.state = 'logged_out';
      return HttpResponse.json(connection());
    }),
    http.post('*/v1/admin/whatsapp/reconnect', () => {
      state.calls.push('reconnect');
      if (state.state !== 'connected') state.state = 'needs_qr';
      return HttpResponse.json(connection(), { status: 202 });
    }),
    http.post('*/v1/admin/whatsapp/pairing-code', async ({ request }) => {
      const body = (await request.json()) as { phone_number: string };
      state.calls.push(`pairing ${body.phone_number}`);
      state.state = 'needs_pairing_code';
      state.pairing = 'K7QW2XPZ';
      return HttpResponse.json(connection(), { status: 202 });
    }),
    http.get('*/v1/admin/whatsapp/allowed-numbers', () => HttpResponse.json({ numbers: state.allowed })),
    http.put('*/v1/admin/whatsapp/allowed-numbers', async ({ request }) => {
      const body = (await request.json()) as { numbers: string[] };
      if (body.numbers.some((n) => !/^\+?[0-9 ()-]{6,20}$/.test(n))) {
        return HttpResponse.json(
          { type: 'https://ai-assistants.dev/problems/validation', title: 'Bad Request', status: 400, detail: 'numbers[1]: must be a phone number' },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }
      state.allowed = body.numbers.map((n) => n.replace(/\D/g, ''));
      return HttpResponse.json({ numbers: state.allowed });
    }),
    http.get('*/v1/admin/whatsapp/failed-messages', () => HttpResponse.json(state.failed)),
    http.post('*/v1/admin/whatsapp/failed-messages/retry', async ({ request }) => {
      const body = (await request.json()) as { ids: number[] };
      state.calls.push(`retry ${body.ids.join(',')}`);
      const requeued = state.failed.filter((f) => body.ids.length === 0 || body.ids.includes(f.id)).map((f) => f.id);
      state.failed = state.failed.filter((f) => !requeued.includes(f.id));
      return HttpResponse.json({ requeued }, { status: 202 });
    }),
    http.get('*/v1/admin/whatsapp/messages', () =>
      HttpResponse.json([
        { id: 9, to_number: '5491155550102', kind: 'text', status: 'sent', delivery_status: 'read', error_code: null, attempts: 1, created_at: '2026-12-04T13:01:00Z', sent_at: '2026-12-04T13:01:01Z' },
        { id: 8, to_number: '5491155550103', kind: 'buttons', status: 'failed', delivery_status: null, error_code: '131047', attempts: 1, created_at: '2026-12-04T13:00:00Z', sent_at: null },
      ]),
    ),
  );
  return state;
}

describe('whatsapp', () => {
  it('draws the live QR, redraws it when the gateway rotates it, then shows connected', async () => {
    renderApp('/whatsapp');
    const fake = whatsapp('owner');
    expect(await screen.findByText('Waiting for QR scan')).toBeInTheDocument();
    expect(screen.getByText('Provider: Simulator (test mode)')).toBeInTheDocument();
    expect(screen.queryByTestId('whatsapp-number')).not.toBeInTheDocument();
    const qr = await screen.findByTestId('whatsapp-qr');
    expect(qr).toHaveAttribute('data-qr', '2@first');
    expect(within(qr).getByRole('img', { name: 'QR code to link WhatsApp' })).toBeInTheDocument();

    fake.qr = '2@second';
    await waitFor(() => expect(screen.getByTestId('whatsapp-qr')).toHaveAttribute('data-qr', '2@second'), { timeout: 5000 });
    fake.state = 'connected';
    expect(await screen.findByText('Connected', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId('whatsapp-qr')).not.toBeInTheDocument();
    expect(screen.getByTestId('whatsapp-number')).toHaveTextContent('Number: +5491155550100');
  });

  it('logs out after asking, reconnects to a new QR and logs in with a pairing code', async () => {
    renderApp('/whatsapp');
    const fake = whatsapp('admin');
    fake.state = 'connected';
    await userEvent.click(await screen.findByRole('button', { name: 'Log WhatsApp out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log WhatsApp out?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
    expect(await screen.findByText('Logged out')).toBeInTheDocument();
    expect(fake.calls).toContain('logout');

    await userEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(await screen.findByTestId('whatsapp-qr')).toBeInTheDocument();
    await fill(screen.getByLabelText(/Log in with a phone number instead/), '+54 9 11 5555 0101');
    await userEvent.click(screen.getByRole('button', { name: 'Get pairing code' }));
    expect(await screen.findByTestId('whatsapp-pairing-code')).toHaveTextContent('K7QW-2XPZ');
    expect(fake.calls).toContain('pairing +54 9 11 5555 0101');
  });

  it('lets staff see the state, numbers and messages without codes or actions', async () => {
    renderApp('/whatsapp', { role: 'staff' });
    const fake = whatsapp('staff');
    fake.allowed = ['5491100000001'];
    expect(await screen.findByText('Waiting for QR scan')).toBeInTheDocument();
    expect(screen.getByText('An owner or admin can link the number.')).toBeInTheDocument();
    expect(screen.queryByTestId('whatsapp-qr')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reconnect' })).not.toBeInTheDocument();
    expect(await screen.findByText('+5491100000001')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save numbers' })).not.toBeInTheDocument();
    expect(await screen.findByText('quiero un turno')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Re-queue/ })).not.toBeInTheDocument();
  });

  it('edits the allowed numbers, shows the validation problem, and re-queues a failed message', async () => {
    renderApp('/whatsapp', { language: 'es' });
    const fake = whatsapp('owner');
    const numbers = await screen.findByLabelText('Un número por línea, con código de país');
    await fill(numbers, '+54 9 11 0000 0001\nno es un número');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar números' }));
    expect(await screen.findByText('numbers[1]: must be a phone number')).toBeInTheDocument();
    await userEvent.clear(numbers);
    await fill(numbers, '+54 9 11 0000 0001');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar números' }));
    await waitFor(() => expect(fake.allowed).toEqual(['5491100000001']));

    await userEvent.click(await screen.findByRole('button', { name: 'Reencolar el mensaje de +5491155550101' }));
    expect(await screen.findByText('1 mensaje reencolado')).toBeInTheDocument();
    expect(fake.calls).toContain('retry 41');
    expect(await screen.findByText('No hay mensajes fallidos.')).toBeInTheDocument();
    expect(screen.getByText('Leído')).toBeInTheDocument();
    expect(screen.getByText('Fallido')).toBeInTheDocument();
  });

  it('reads pasted numbers, pairing codes and delivery states', () => {
    expect(parseNumbers(' +54 9 11 1\n\n+34 600, 5491100 ; ')).toEqual(['+54 9 11 1', '+34 600', '5491100']);
    expect(formatPairingCode('ABCDEFGH')).toBe('ABCD-EFGH');
    const base = { id: 1, to_number: '1', kind: 'text', error_code: null, attempts: 1, created_at: '', sent_at: null };
    expect(deliveryOf({ ...base, status: 'pending', delivery_status: null } as never)).toBe('pending');
    expect(deliveryOf({ ...base, status: 'sent', delivery_status: 'delivered' } as never)).toBe('delivered');
    expect(deliveryOf({ ...base, status: 'failed', delivery_status: 'sent' } as never)).toBe('failed');
  });
});
