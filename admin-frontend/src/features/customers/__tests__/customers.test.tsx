import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fill, renderApp } from '@/testing/render';

const ana = '/customers/%2B5491155550101';

describe('customers', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists customers, searches by phone digits and opens a profile with bookings, conversations and memory', async () => {
    const { backend, router } = renderApp('/customers');
    const list = await screen.findByRole('navigation', { name: 'Customers' });
    expect(await within(list).findByText('Ana Gómez')).toBeInTheDocument();
    expect(within(list).getByText('Luis Pérez')).toBeInTheDocument();
    await fill(screen.getByLabelText('Search'), '4444');
    await waitFor(() => expect(within(list).queryByText('Ana Gómez')).not.toBeInTheDocument());
    expect(backend.state.requests.some((r) => r.path.startsWith('/v1/admin/customers?q=4444'))).toBe(true);
    await userEvent.clear(screen.getByLabelText('Search'));
    await userEvent.click(await within(list).findByText('Ana Gómez'));
    expect(router.state.location.pathname).toBe(ana);

    expect(await screen.findByRole('heading', { name: 'Ana Gómez' })).toBeInTheDocument();
    const upcoming = screen.getByRole('heading', { name: 'Upcoming bookings' }).nextElementSibling as HTMLElement;
    expect(within(upcoming).getByText('Confirmed')).toBeInTheDocument();
    expect(screen.getByText('Came')).toBeInTheDocument();
    expect(screen.getByText('12 messages')).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: /WhatsApp/ })).toHaveAttribute('href', '/inbox/whatsapp%3A%2B5491155550101');
    expect(screen.getByRole('cell', { name: 'preferred_professional' })).toBeInTheDocument();
  });

  it('lists the claims the patient made through the assistant', async () => {
    renderApp(ana);
    const title = await screen.findByRole('heading', { name: 'Claims' });
    const card = title.parentElement as HTMLElement;
    expect(await within(card).findByRole('cell', { name: 'CL-77' })).toBeInTheDocument();
    expect(within(card).getByRole('cell', { name: '1234' })).toBeInTheDocument();
    expect(within(card).getByText('Las zapatillas llegaron rotas')).toBeInTheDocument();
    expect(within(card).getByText('abierto')).toBeInTheDocument();
  });

  it('says when a patient has no claims', async () => {
    renderApp('/customers/%2B5491144440202');
    expect(await screen.findByText('No claims made through the assistant.')).toBeInTheDocument();
  });

  it('forgets one memory item and shows it in the data requests', async () => {
    const { backend } = renderApp(ana);
    await userEvent.click(await screen.findByRole('button', { name: 'Forget preferred_professional' }));
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'preferred_professional' })).not.toBeInTheDocument());
    expect(
      backend.state.requests.some((r) => r.method === 'DELETE' && r.path === '/v1/admin/customers/%2B5491155550101/memory/preferred_professional'),
    ).toBe(true);
    expect(await screen.findByText(/Memory forgotten/)).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'name' })).toBeInTheDocument();
  });

  it('exports the data as a JSON download named by the API', async () => {
    const created = vi.fn((_blob: Blob) => 'blob:export');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderApp(ana);
    await userEvent.click(await screen.findByRole('button', { name: 'Export data (JSON)' }));
    expect(await screen.findByText('Downloaded customer-5491155550101-2026-12-05.json')).toBeInTheDocument();
    expect(click).toHaveBeenCalled();
    const blob = created.mock.calls[0]![0];
    expect(JSON.parse(await blob.text())).toMatchObject({ customer_id: '+5491155550101' });
  });

  it('erases a customer after asking, then the list no longer has them', async () => {
    const { backend, router } = renderApp(ana);
    await userEvent.click(await screen.findByRole('button', { name: 'Erase customer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase Ana Gómez?' });
    expect(within(dialog).getByText(/cannot be undone/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText('Customer erased')).toBeInTheDocument();
    expect(backend.state.requests.some((r) => r.method === 'POST' && r.path.endsWith('/erase'))).toBe(true);
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers'));
    const list = screen.getByRole('navigation', { name: 'Customers' });
    await waitFor(() => expect(within(list).queryByText('Ana Gómez')).not.toBeInTheDocument());
    expect(within(list).getByText('Luis Pérez')).toBeInTheDocument();
  });

  it("shows staff that WhatsApp reported a patient's new number", async () => {
    renderApp('/customers/%2B5491144440202', { role: 'staff' });
    expect(await screen.findByRole('heading', { name: 'Luis Pérez' })).toBeInTheDocument();
    expect(
      screen.getByText(/WhatsApp number changed: \+5491144440202 → \+5491166660303 \(conversations, memory and bookings stay under the old number\)/),
    ).toBeInTheDocument();
  });

  it('staff read profiles without the forget, export and erase buttons', async () => {
    renderApp(ana, { role: 'staff' });
    expect(await screen.findByRole('heading', { name: 'Ana Gómez' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Forget/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export data (JSON)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Erase customer' })).not.toBeInTheDocument();
  });

  it('speaks Spanish', async () => {
    renderApp(ana, { language: 'es' });
    expect(await screen.findByRole('heading', { name: 'Próximos turnos' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Borrar paciente' })).toBeInTheDocument();
  });
});
