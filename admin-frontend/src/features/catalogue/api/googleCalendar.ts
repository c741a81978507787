import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { GoogleCalendarConnect, GoogleCalendarDisconnect, GoogleCalendarStatus } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';

/** Leaving the console for Google's page (an object, so tests can watch it). */
export const browser = {
  go(url: string) {
    window.location.assign(url);
  },
};

const path = (professionalId: string) =>
  `/v1/admin/catalogue/professionals/${encodeURIComponent(professionalId)}/google-calendar`;

function useKey(professionalId: string) {
  return ['catalogue', useAuth().project?.project_id, 'google-calendar', professionalId] as const;
}

/** A professional's Google Calendar connection; read again every 30 s while shown (last sync, pending writes). */
export function useGoogleCalendar(professionalId: string) {
  const key = useKey(professionalId);
  return useQuery({
    queryKey: key,
    enabled: Boolean(key[1]),
    refetchInterval: 30_000,
    queryFn: ({ signal }) => api<GoogleCalendarStatus>(path(professionalId), { signal }),
  });
}

/** Asks backend-api for Google's authorization URL; the caller sends the browser there. */
export function useConnectGoogleCalendar(professionalId: string) {
  return useMutation({
    mutationFn: () => api<GoogleCalendarConnect>(`${path(professionalId)}/connect`, { method: 'POST' }),
  });
}

export function useDisconnectGoogleCalendar(professionalId: string) {
  const queryClient = useQueryClient();
  const key = useKey(professionalId);
  return useMutation({
    mutationFn: () => api<GoogleCalendarDisconnect>(path(professionalId), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
