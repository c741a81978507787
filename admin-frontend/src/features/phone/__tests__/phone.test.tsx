import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { phoneMessage } from '@/testing/mocks/data';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/render';
import { normalizePhone } from '../routes/PhoneRoute';

describe('phone', () => {
  it('shows the chat and sends typed text and tapped buttons as the patient', async () => {
    const { backend } = renderApp('/phone');
    const chat = await screen.findByRole('log', { name: 'Chat with the clinic' });
    expect(await within(chat).findByText('¡Hola! ¿Qué querés hacer?')).toBeInTheDocument();

    await userEvent.click(within(chat).getByRole('button', { name: 'Sacar turno' }));
    await waitFor(() =>
      expect(backend.state.requests.find((r) => r.method === 'POST' && r.path.includes('/simulator/'))?.body).toEqual({
        reply_id: 'book',
        reply_title: 'Sacar turno',
      }),
    );

    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'quiero un turno mañana{Enter}');
    expect(await within(chat).findByText('quiero un turno mañana')).toBeInTheDocument();
    const posts = backend.state.requests.filter((r) => r.method === 'POST' && r.path.includes('/simulator/'));
    expect(posts.at(-1)?.path).toBe('/v1/admin/simulator/users/%2B5491155550101/messages');
    expect(posts.at(-1)?.body).toEqual({ text: 'quiero un turno mañana' });
  });

  it('shows what the clinic sends as soon as the simulator socket says so', async () => {
    const { backend } = renderApp('/phone');
    const chat = await screen.findByRole('log', { name: 'Chat with the clinic' });
    await screen.findByText('Business account'); // the socket is open
    backend.state.transcript = [
      ...backend.state.transcript,
      phoneMessage({ direction: 'out', text: 'Hola, soy Marta de recepción' }),
    ];
    backend.pushPhone({ type: 'message', phone: '5491155550101', direction: 'out', kind: 'text', text: 'Hola, soy Marta de recepción' });
    expect(await within(chat).findByText('Hola, soy Marta de recepción')).toBeInTheDocument();
  });

  it('says so when the gateway does not run the simulator', async () => {
    renderApp('/phone');
    server.use(http.get('*/v1/admin/simulator', () => HttpResponse.json({ enabled: false })));
    expect(await screen.findByText('The phone simulator is off')).toBeInTheDocument();
  });

  it('accepts 6 to 15 digit numbers', () => {
    expect(normalizePhone('+54 9 11 5555-0101')).toBe('+5491155550101');
    expect(normalizePhone('12345')).toBeNull();
  });
});
