import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';
import type { LiveEvent, Message } from '@/lib/api/types';
import { sessionStore } from '@/lib/auth/session';

type Listener = (event: LiveEvent) => void;
export type LiveStatus = 'connecting' | 'open' | 'closed';

interface LiveContextValue {
  status: LiveStatus;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<LiveContextValue>({ status: 'closed', subscribe: () => () => {} });

export function socketUrl(path: string, params: Record<string, string>): string {
  const url = new URL(path, window.location.origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** A short-lived token for a WebSocket handshake (the session's JWT never goes into a URL). */
export async function socketToken(): Promise<string> {
  const answer = await data(client.POST('/v1/ws/tokens', { body: {} }));
  return answer.token;
}

/**
 * One connection to `/v1/ws/events` for the signed-in project: frames refresh the cached conversation
 * list and threads, and go to subscribers (notifications). Reconnects with backoff up to 10 s.
 */
export function LiveEventsProvider({ projectId, children }: { projectId: string | undefined; children: ReactNode }) {
  const queryClient = useQueryClient();
  const listeners = useRef(new Set<Listener>());
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (!projectId) return;
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const connect = async () => {
      setStatus('connecting');
      try {
        const token = await socketToken();
        if (stopped) return;
        socket = new WebSocket(socketUrl('/v1/ws/events', { token }));
      } catch {
        schedule();
        return;
      }
      socket.onopen = () => {
        attempt = 0;
        setStatus('open');
        // anything missed while disconnected
        void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      };
      socket.onmessage = (message) => {
        let event: LiveEvent;
        try {
          event = JSON.parse(String(message.data)) as LiveEvent;
        } catch {
          return;
        }
        if (event.type === 'pong' || event.type === 'error') return;
        void queryClient.invalidateQueries({ queryKey: ['conversations', projectId] });
        if (event.conversation_id) {
          showAtOnce(event, projectId);
          void queryClient.invalidateQueries({ queryKey: ['messages', projectId, event.conversation_id] });
        }
        if (event.type === 'booking') void queryClient.invalidateQueries({ queryKey: ['dashboard', projectId] });
        listeners.current.forEach((listener) => listener(event));
      };
      socket.onclose = () => {
        socket = null;
        if (!stopped) schedule();
      };
    };
    let provisionalId = 0; // negative ids, unique per frame (two frames may share a millisecond)
    /** A message frame carries the text: an open thread shows it now; the refetch that follows replaces it. */
    const showAtOnce = (event: LiveEvent, project: string) => {
      if (event.type !== 'message' || !event.role || event.text === undefined) return;
      const shown: Message = {
        id: --provisionalId,
        role: event.role,
        kind: 'text',
        text: event.text,
        created_at: event.timestamp ?? new Date().toISOString(),
        booking_ids: null,
      };
      queryClient.setQueryData<Message[]>(['messages', project, event.conversation_id], (thread) =>
        thread ? [...thread, shown] : thread,
      );
    };
    const schedule = () => {
      setStatus('closed');
      if (stopped || !sessionStore.get()) return;
      attempt += 1;
      timer = setTimeout(() => void connect(), Math.min(10_000, 500 * 2 ** Math.min(attempt, 5)));
    };
    void connect();
    const ping = setInterval(() => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'ping' }));
    }, 25_000);
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(ping);
      socket?.close();
    };
  }, [projectId, queryClient]);

  const value = useRef<LiveContextValue>({
    status,
    subscribe(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  });
  value.current = { ...value.current, status };
  return <LiveContext.Provider value={value.current}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext).status;
}

/** Runs `listener` for every live event while the component is mounted. */
export function useLiveEvent(listener: Listener) {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
