import { useQuery } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';

/**
 * The clinic's WhatsApp number for activation codes' wa.me links, as the WhatsApp connection reports it
 * (null while the number is not linked, or the connection cannot be read). Shares the WhatsApp page's cache.
 */
export function useClinicNumber() {
  const connection = useQuery({
    queryKey: ['whatsapp', 'connection'],
    queryFn: ({ signal }) => data(client.GET('/v1/admin/whatsapp/connection', { signal })),
    retry: false,
  });
  return { number: connection.data?.phone_number ?? null, isLoading: connection.isLoading };
}
