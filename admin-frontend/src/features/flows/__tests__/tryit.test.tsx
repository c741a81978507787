import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { TryRequest } from '@/lib/api/types';
import { server } from '@/testing/mocks/server';
import { fill, renderApp } from '@/testing/render';

const SANDBOX = '5c1f8a52-8d7e-4d3a-9a65-0b7f1f1f1f1f';

/** backend-api's try-it routes: the assistant answers the first message with the draft's greeting, then a menu. */
function sandbox() {
  const state = { bodies: [] as TryRequest[], resets: [] as string[], messages: [] as { role: string; text: string; created_at: string }[] };
  server.use(
    http.post('*/v1/admin/flows/try', async ({ request }) => {
      const body = (await request.json()) as TryRequest;
      state.bodies.push(body);
      const first = state.messages.length === 0;
      const reply = first ? (body.flow.greeting ?? 'Hola') : `Elegiste: ${body.text}`;
      const at = '2026-12-05T10:00:00Z';
      state.messages.push({ role: 'user', text: body.text, created_at: at }, { role: 'assistant', text: reply, created_at: at });
      return HttpResponse.json({
        sandbox_id: SANDBOX,
        text: reply,
        interactive: first
          ? { type: 'BUTTONS', title: null, options: [{ id: 'menu:book', title: 'Sacar turno', description: null }] }
          : null,
        handed_over: false,
        messages: state.messages,
        expires_at: '2026-12-06T10:00:00Z',
      });
    }),
    http.delete('*/v1/admin/flows/try/:id', ({ params }) => {
      state.resets.push(String(params.id));
      state.messages = [];
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return state;
}

describe('flows: try it', () => {
  it('chats with the unsaved draft (form and prompt), taps an option and resets, without saving', async () => {
    const { backend } = renderApp('/flows');
    const api = sandbox();
    const greeting = await screen.findByLabelText(/^Greeting/);
    await userEvent.clear(greeting);
    await fill(greeting, 'Hola, soy el borrador');
    await userEvent.click(screen.getByText('LLM'));
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    await userEvent.clear(prompt);
    await fill(prompt, 'Sé breve.');

    const panel = screen.getByRole('region', { name: 'Try it' });
    await fill(within(panel).getByRole('textbox', { name: 'Message to the draft' }), 'hola');
    await userEvent.click(within(panel).getByRole('button', { name: 'Send' }));
    const transcript = within(panel).getByRole('log', { name: 'Test conversation' });
    expect(await within(transcript).findByText('Hola, soy el borrador')).toBeInTheDocument();
    expect(api.bodies[0]).toMatchObject({
      text: 'hola',
      flow: { greeting: 'Hola, soy el borrador', engine: 'llm', system_prompt: 'Sé breve.', menu_style: 'buttons' },
    });
    expect(api.bodies[0]!.sandbox_id).toBeUndefined();
    expect(api.bodies[0]!.flow).not.toHaveProperty('whatsapp_number');

    // a tapped option is sent with its id, in the same sandbox conversation
    await userEvent.click(within(panel).getByRole('button', { name: 'Sacar turno' }));
    expect(await within(transcript).findByText('Elegiste: Sacar turno')).toBeInTheDocument();
    expect(api.bodies[1]).toMatchObject({ sandbox_id: SANDBOX, reply_id: 'menu:book', text: 'Sacar turno' });

    // nothing was saved
    expect(backend.state.requests.some((r) => r.method === 'PUT')).toBe(false);

    await userEvent.click(within(panel).getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(api.resets).toEqual([SANDBOX]));
    expect(await within(transcript).findByText(/Write a message to start/)).toBeInTheDocument();
    expect(within(transcript).queryByText('Hola, soy el borrador')).not.toBeInTheDocument();
  });

  it('shows the problem when the draft is refused', async () => {
    renderApp('/flows');
    server.use(
      http.post('*/v1/admin/flows/try', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Request validation failed' },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const panel = await screen.findByRole('region', { name: 'Try it' });
    await fill(within(panel).getByRole('textbox', { name: 'Message to the draft' }), 'hola');
    await userEvent.click(within(panel).getByRole('button', { name: 'Send' }));
    expect(await within(panel).findByText('Request validation failed')).toBeInTheDocument();
  });
});
