import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';
import { useAuth } from '@/lib/auth/auth';
import { socketToken, socketUrl } from '@/lib/live/events';

export function useSimulatorStatus() {
  const { project } = useAuth();
  return useQuery({
    queryKey: ['simulator', project?.project_id],
    enabled: Boolean(project),
    queryFn: ({ signal }) => data(client.GET('/v1/admin/simulator', { signal })),
  });
}

/**
 * Follows `/v1/ws/simulator` for one phone: each frame refetches the transcript. Reconnects with backoff;
 * returns whether the socket is open (the transcript is polled slowly while it is not).
 */
function useSimulatorSocket(projectId: string | undefined, phone: string | null) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!projectId || !phone) return;
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: ['transcript', projectId, phone] });
    const connect = async () => {
      try {
        const token = await socketToken();
        if (stopped) return;
        socket = new WebSocket(socketUrl('/v1/ws/simulator', { token, phone }));
      } catch {
        retry();
        return;
      }
      socket.onopen = () => {
        attempt = 0;
        setOpen(true);
        refresh();
      };
      socket.onmessage = refresh;
      socket.onclose = () => {
        setOpen(false);
        if (!stopped) retry();
      };
    };
    const retry = () => {
      attempt += 1;
      timer = setTimeout(() => void connect(), Math.min(10_000, 500 * 2 ** Math.min(attempt, 5)));
    };
    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      setOpen(false);
      socket?.close();
    };
  }, [projectId, phone, queryClient]);
  return open;
}

/** The simulated phone's chat, live over the simulator socket (polled every 2 s while it is down). */
export function useTranscript(phone: string | null) {
  const { project } = useAuth();
  const live = useSimulatorSocket(project?.project_id, phone);
  const query = useQuery({
    queryKey: ['transcript', project?.project_id, phone],
    enabled: Boolean(project && phone),
    refetchInterval: live ? false : 2000,
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/simulator/users/{phone}/messages', { params: { path: { phone: phone! } }, signal })),
  });
  return { ...query, live };
}

export type PatientMessage = { text: string } | { reply_id: string; reply_title: string };

export function useSendAsPatient(phone: string | null) {
  const queryClient = useQueryClient();
  const { project } = useAuth();
  return useMutation({
    mutationFn: (message: PatientMessage) =>
      data(client.POST('/v1/admin/simulator/users/{phone}/messages', { params: { path: { phone: phone! } }, body: message })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['transcript', project?.project_id, phone] }),
  });
}
