/**
 * The WhatsApp page's server state, all through backend-api (which holds the gateway's admin token): the
 * connection (polled every 2 s while a login is pending, so a rotated QR is redrawn), login operations,
 * allowed numbers, failed inbound messages with re-queue, and recent messages' delivery status.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';
import type { WhatsAppConnection } from '@/lib/api/types';

const PENDING = new Set(['needs_qr', 'needs_pairing_code', 'connecting']);

/** How often the connection is read again: often while someone is scanning, calmly otherwise. */
export function pollInterval(connection: WhatsAppConnection | undefined): number {
  return connection && PENDING.has(connection.state) ? 2_000 : 15_000;
}

export function useConnection() {
  return useQuery({
    queryKey: ['whatsapp', 'connection'],
    queryFn: ({ signal }) => data(client.GET('/v1/admin/whatsapp/connection', { signal })),
    refetchInterval: (query) => pollInterval(query.state.data),
  });
}

function useConnectionAction(call: (body?: string) => Promise<WhatsAppConnection>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (connection) => queryClient.setQueryData(['whatsapp', 'connection'], connection),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['whatsapp', 'connection'] }),
  });
}

export function useReconnect() {
  return useConnectionAction(() => data(client.POST('/v1/admin/whatsapp/reconnect')));
}

export function useLogout() {
  return useConnectionAction(() => data(client.POST('/v1/admin/whatsapp/logout')));
}

export function usePairingCode() {
  return useConnectionAction((phone) =>
    data(client.POST('/v1/admin/whatsapp/pairing-code', { body: { phone_number: phone ?? '' } })),
  );
}

export function useAllowedNumbers() {
  return useQuery({
    queryKey: ['whatsapp', 'allowed-numbers'],
    queryFn: ({ signal }) => data(client.GET('/v1/admin/whatsapp/allowed-numbers', { signal })),
  });
}

export function useSaveAllowedNumbers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (numbers: string[]) => data(client.PUT('/v1/admin/whatsapp/allowed-numbers', { body: { numbers } })),
    onSuccess: (saved) => queryClient.setQueryData(['whatsapp', 'allowed-numbers'], saved),
  });
}

export function useFailedMessages() {
  return useQuery({
    queryKey: ['whatsapp', 'failed'],
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/whatsapp/failed-messages', { params: { query: { limit: 50 } }, signal })),
    refetchInterval: 30_000,
  });
}

/** Re-queues the given failed messages, or all of them when `ids` is empty. */
export function useRetryFailed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => data(client.POST('/v1/admin/whatsapp/failed-messages/retry', { body: { ids } })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['whatsapp', 'failed'] }),
  });
}

export function useRecentMessages() {
  return useQuery({
    queryKey: ['whatsapp', 'messages'],
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/whatsapp/messages', { params: { query: { limit: 20 } }, signal })),
    refetchInterval: 15_000,
  });
}
