import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/render';

describe('inbox', () => {
  it('lists conversations with masked phone, state and unread count', async () => {
    renderApp('/inbox');
    const list = await screen.findByRole('list', { name: 'Conversations' });
    const ana = (await within(list).findByText('Ana Gómez')).closest('a')!;
    expect(within(ana).getByText('+54 9 11 ****-0101')).toBeInTheDocument();
    expect(within(ana).getByText('Needs a human')).toBeInTheDocument();
    expect(within(ana).getByLabelText('2 unread messages')).toBeInTheDocument();
    expect(within(list).getByText('Unknown patient')).toBeInTheDocument();
    expect(screen.getByText('3 conversations')).toBeInTheDocument();
  });

  it('searches and filters on the server', async () => {
    const { backend } = renderApp('/inbox');
    await screen.findByText('Ana Gómez');
    await userEvent.type(screen.getByRole('textbox', { name: 'Search conversations' }), 'luis');
    await waitFor(() => expect(screen.queryByText('Ana Gómez')).not.toBeInTheDocument());
    expect(screen.getByText('Luis Pérez')).toBeInTheDocument();
    expect(backend.state.requests.some((r) => r.path.includes('q=luis'))).toBe(true);

    await userEvent.clear(screen.getByRole('textbox', { name: 'Search conversations' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Needs a human' }));
    await waitFor(() => expect(screen.queryByText('Luis Pérez')).not.toBeInTheDocument());
    expect(backend.state.requests.some((r) => r.path.includes('state=needs_human'))).toBe(true);
  });

  it('opens a thread with booking events inline and marks it read', async () => {
    const { backend } = renderApp('/inbox/whatsapp%3A%2B5491155550101');
    const log = await screen.findByRole('log', { name: 'Messages' });
    expect(await within(log).findByText('hola, quiero un turno')).toBeInTheDocument();
    expect(within(log).getByText(/Turno confirmado: Consulta/)).toBeInTheDocument();
    // a booking the calendar knows is named and links to its day; one it does not know keeps its id
    const known = await within(log).findByRole('link', { name: /^Limpieza, .+ · B-ANA \(Confirmed\)$/ });
    expect(known).toHaveAttribute('href', expect.stringMatching(/^\/calendar\?view=day&date=\d{4}-\d{2}-\d{2}$/));
    const event = known.closest('.mantine-Badge-root') as HTMLElement;
    expect(event).toHaveTextContent(/^Booking made or changed · Limpieza, .+ · b-42 · /);
    await waitFor(() =>
      expect(backend.state.requests.some((r) => r.method === 'POST' && r.path.endsWith('/read'))).toBe(true),
    );
  });

  it('takes over, replies and hands back', async () => {
    const { backend } = renderApp('/inbox/whatsapp%3A%2B5491155550101');
    const reply = await screen.findByRole('textbox', { name: 'Reply' });
    expect(reply).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Take over' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reply' })).toBeEnabled());
    await userEvent.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hola Ana, soy Marta de recepción{Enter}');
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(await within(log).findByText('Hola Ana, soy Marta de recepción')).toBeInTheDocument();
    expect(backend.state.requests.find((r) => r.path.endsWith('/reply'))?.body).toEqual({ text: 'Hola Ana, soy Marta de recepción' });

    await userEvent.click(screen.getByRole('button', { name: 'Hand back to the bot' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reply' })).toBeDisabled());
    expect(backend.state.requests.map((r) => r.path).filter((p) => /pause|resume/.test(p))).toEqual([
      '/v1/admin/conversations/whatsapp%3A%2B5491155550101/pause',
      '/v1/admin/conversations/whatsapp%3A%2B5491155550101/resume',
    ]);
  });

  it('updates live when the events socket says a message arrived', async () => {
    const { backend, push } = renderApp('/inbox');
    await screen.findByText('Luis Pérez');
    await screen.findByText('Live');
    Object.assign(backend.state.conversations[1]!, { last_message_text: 'necesito cambiar el turno', last_message_role: 'user' });
    push({ type: 'message', conversation_id: 'whatsapp:+5491155550102', role: 'user', text: 'necesito cambiar el turno' });
    expect(await screen.findByText('necesito cambiar el turno')).toBeInTheDocument();
  });

  it('shows a message frame in the open thread before the thread is fetched again', async () => {
    const { push } = renderApp('/inbox/whatsapp%3A%2B5491155550101');
    const log = await screen.findByRole('log', { name: 'Messages' });
    await within(log).findByText('hola, quiero un turno');
    await screen.findByText('Live');
    // from now on the thread's refetch never answers: only the frame can show the new message
    server.use(http.get('*/v1/admin/conversations/:id/messages', async () => delay('infinite')));
    push({ type: 'message', conversation_id: 'whatsapp:+5491155550101', role: 'user', text: '¿puede ser a las 11?' });
    expect(await within(log).findByText('¿puede ser a las 11?')).toBeInTheDocument();
  });

  it('alerts when a patient asks for a person', async () => {
    const { push } = renderApp('/inbox');
    await screen.findByText('Live');
    push({ type: 'needs_human', conversation_id: 'whatsapp:+5491155550101', text: 'quiero hablar con una persona' });
    expect(await screen.findByText('A patient asks for a person')).toBeInTheDocument();
  });
});
