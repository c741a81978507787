import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fill, renderApp } from '@/testing/render';

const flowOf = (body: unknown) => (body as { settings: { flow: Record<string, unknown> } }).settings.flow;

describe('flows', () => {
  it('saves the greeting, menu style and an activation code, keeping the rest of the settings', async () => {
    const { backend } = renderApp('/flows');
    const greeting = await screen.findByLabelText(/^Greeting/);
    await userEvent.clear(greeting);
    await fill(greeting, 'Bienvenida a Clínica Centro');
    await userEvent.click(screen.getByText('List'));
    await userEvent.click(screen.getByRole('button', { name: 'Add code' }));
    await fill(screen.getByRole('textbox', { name: 'Code' }), 'VERANO');
    await fill(screen.getByRole('textbox', { name: 'Value' }), 'limpieza');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(backend.state.requests.some((r) => r.method === 'PUT')).toBe(true));
    const flow = flowOf(backend.state.requests.find((r) => r.method === 'PUT')!.body);
    expect(flow).toMatchObject({
      greeting: 'Bienvenida a Clínica Centro',
      menu_style: 'list',
      engine: 'deterministic',
      activation_codes: { VERANO: 'limpieza' },
      system_prompt: 'Sos la recepción de Clínica Demo.\nRespondé breve.',
    });
  });

  it("draws each saved code's wa.me link and QR code for the number of the WhatsApp connection", async () => {
    const { backend } = renderApp('/flows');
    backend.state.whatsapp.phone_number = '+5491122334455';
    expect(await screen.findByTestId('clinic-number')).toHaveTextContent('+5491122334455');
    await userEvent.click(screen.getByRole('button', { name: 'Add code' }));
    await fill(screen.getByRole('textbox', { name: 'Code' }), 'VERANO');
    await fill(screen.getByRole('textbox', { name: 'Value' }), 'limpieza');
    expect(screen.queryByRole('link', { name: 'wa.me link of VERANO' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const link = await screen.findByRole('link', { name: 'wa.me link of VERANO' });
    expect(link).toHaveAttribute('href', 'https://wa.me/5491122334455?text=VERANO');
    await userEvent.click(screen.getByRole('button', { name: 'QR code of VERANO' }));
    const dialog = await screen.findByRole('dialog', { name: 'QR code of VERANO' });
    const qr = within(dialog).getByRole('img', { name: 'QR code that opens WhatsApp with VERANO' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelectorAll('path').length).toBeGreaterThan(0);
    expect(within(dialog).getByTestId('wa-link')).toHaveTextContent('https://wa.me/5491122334455?text=VERANO');
  });

  it('says WhatsApp must be connected when the connection reports no number', async () => {
    const { backend } = renderApp('/flows');
    backend.state.whatsapp = { ...backend.state.whatsapp, state: 'logged_out', phone_number: null };
    expect(await screen.findByText(/WhatsApp is not connected, so the codes have no wa.me link/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connect it on the WhatsApp page' })).toHaveAttribute('href', '/whatsapp');
    expect(screen.queryByTestId('clinic-number')).not.toBeInTheDocument();
  });

  it('refuses an activation code with spaces', async () => {
    const { backend } = renderApp('/flows');
    await userEvent.click(await screen.findByRole('button', { name: 'Add code' }));
    await fill(screen.getByRole('textbox', { name: 'Code' }), 'two words');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Letters, digits, - or _ (up to 40)')).toBeInTheDocument();
    expect(backend.state.requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('shows the prompt versions as a diff and restores an old one', async () => {
    const { backend } = renderApp('/flows');
    const diff = await screen.findByLabelText('Differences between the versions');
    expect(within(diff).getByText(/Respondé con detalle/).closest('[data-change]')).toHaveAttribute('data-change', 'removed');
    expect(within(diff).getByText(/Respondé breve/).closest('[data-change]')).toHaveAttribute('data-change', 'added');
    await userEvent.click(screen.getByRole('button', { name: 'Restore v1' }));
    await waitFor(() => expect(backend.state.requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(flowOf(backend.state.requests.find((r) => r.method === 'PUT')!.body).system_prompt).toBe(
      'Sos la recepción de Clínica Demo.\nRespondé con detalle.',
    );
    expect(await screen.findByText('Prompt saved')).toBeInTheDocument();
  });

  it('is for owners only', async () => {
    renderApp('/flows', { role: 'staff' });
    expect(await screen.findByRole('heading', { name: 'Not available for your role' })).toBeInTheDocument();
  });
});
