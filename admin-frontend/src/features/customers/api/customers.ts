/** The customers page's server state: list, profile, forget, export (a JSON download) and erase. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';

export function useCustomers(q: string) {
  return useQuery({
    queryKey: ['customers', q],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/customers', { params: { query: { q: q || undefined, limit: 100 } }, signal })),
  });
}

export function useCustomer(customerId: string | undefined) {
  return useQuery({
    queryKey: ['customer', customerId],
    enabled: Boolean(customerId),
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/customers/{customerId}', { params: { path: { customerId: customerId! } }, signal })),
  });
}

/** Forgets one memory entry (`key`) or all of them (`key` null). */
export function useForgetMemory(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (key: string | null) => {
      if (key === null) {
        await client.DELETE('/v1/admin/customers/{customerId}/memory', { params: { path: { customerId } } });
      } else {
        await client.DELETE('/v1/admin/customers/{customerId}/memory/{key}', { params: { path: { customerId, key } } });
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['customer', customerId] }),
  });
}

export function useEraseCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string) =>
      data(client.POST('/v1/admin/customers/{customerId}/erase', { params: { path: { customerId } } })),
    onSuccess: (_erasure, customerId) => {
      queryClient.removeQueries({ queryKey: ['customer', customerId] });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

/** Downloads everything held about the customer as the JSON file the API names. */
export function useExportCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (customerId: string) => {
      const { data: blob, response } = await client.GET('/v1/admin/customers/{customerId}/export', {
        params: { path: { customerId } },
        parseAs: 'blob',
      });
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'customer.json';
      const url = URL.createObjectURL(blob as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      return filename;
    },
    onSettled: (_file, _error, customerId) => void queryClient.invalidateQueries({ queryKey: ['customer', customerId] }),
  });
}

/** Claims the patient made through the assistant (the shop's orders hook accepted them), newest first. */
export function useClaims(customerId: string) {
  return useQuery({
    queryKey: ['customer-claims', customerId],
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/customers/{customerId}/claims', { params: { path: { customerId } }, signal })),
  });
}
