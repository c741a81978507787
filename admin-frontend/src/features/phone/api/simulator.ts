import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { SimulatorEntry, SimulatorStatus } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';

export function useSimulatorStatus() {
  const { project } = useAuth();
  return useQuery({
    queryKey: ['simulator', project?.project_id],
    enabled: Boolean(project),
    queryFn: ({ signal }) => api<SimulatorStatus>('/v1/admin/simulator', { signal }),
  });
}

const path = (phone: string) => `/v1/admin/simulator/users/${encodeURIComponent(phone)}/messages`;

/** The simulated phone's chat; polled every 500 ms while the page is open and visible. */
export function useTranscript(phone: string | null) {
  const { project } = useAuth();
  return useQuery({
    queryKey: ['transcript', project?.project_id, phone],
    enabled: Boolean(project && phone),
    refetchInterval: 500,
    queryFn: ({ signal }) => api<SimulatorEntry[]>(path(phone!), { signal }),
  });
}

export type PatientMessage = { text: string } | { reply_id: string; reply_title: string };

export function useSendAsPatient(phone: string | null) {
  const queryClient = useQueryClient();
  const { project } = useAuth();
  return useMutation({
    mutationFn: (message: PatientMessage) => api<unknown>(path(phone!), { method: 'POST', body: message }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['transcript', project?.project_id, phone] }),
  });
}
