import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fill, renderApp } from '@/testing/render';

describe('orders hook settings', () => {
  it('saves the hook URL with a secret that is sent once and never shown', async () => {
    const { backend } = renderApp('/settings');
    expect(await screen.findByText('Not set up')).toBeInTheDocument();
    await fill(screen.getByLabelText('Hook URL'), 'https://shop.example.com/ai-hook');
    // a secret is needed the first time
    await userEvent.click(screen.getByRole('button', { name: 'Save hook' }));
    expect(await screen.findByText('Type a secret of at least 16 characters')).toBeInTheDocument();
    expect(backend.state.requests.some((r) => r.method === 'PUT' && r.path.endsWith('/order-hook'))).toBe(false);

    await fill(screen.getByLabelText('Hook secret'), 'a-long-shared-secret-123');
    await userEvent.click(screen.getByRole('button', { name: 'Save hook' }));
    expect(await screen.findByText('Hook saved')).toBeInTheDocument();
    const put = backend.state.requests.find((r) => r.method === 'PUT' && r.path === '/v1/admin/projects/demo/order-hook');
    expect(put?.body).toEqual({ url: 'https://shop.example.com/ai-hook', secret: 'a-long-shared-secret-123' });
    expect(await screen.findByText('Configured')).toBeInTheDocument();
    // the field is empty again: the stored secret is not shown, and an empty field keeps it
    await waitFor(() => expect(screen.getByLabelText('Hook secret')).toHaveValue(''));
    expect(screen.queryByDisplayValue('a-long-shared-secret-123')).not.toBeInTheDocument();
    expect(screen.getByText(/A secret is stored \(not shown\)/)).toBeInTheDocument();

    await fill(screen.getByLabelText('Hook URL'), '/v2');
    await userEvent.click(screen.getByRole('button', { name: 'Save hook' }));
    await waitFor(() =>
      expect(backend.state.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/order-hook')).at(-1)?.body).toEqual({
        url: 'https://shop.example.com/ai-hook/v2',
      }),
    );
  });

  it('removes the hook', async () => {
    const { backend } = renderApp('/settings');
    backend.state.orderHook = { url: 'https://shop.example.com/hook', secret_set: true };
    await userEvent.click(await screen.findByRole('button', { name: 'Remove hook' }));
    await waitFor(() => expect(backend.state.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/order-hook'))).toBe(true));
    expect(await screen.findByText('Not set up')).toBeInTheDocument();
  });
});
