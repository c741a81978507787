import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, client, data } from '@/lib/api/client';
import type { Booking, ConversationState } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';

export interface ConversationFilters {
  q?: string;
  state?: ConversationState | null;
}

export function useConversations(filters: ConversationFilters) {
  const { project } = useAuth();
  const projectId = project?.project_id;
  return useQuery({
    queryKey: ['conversations', projectId, filters.q ?? '', filters.state ?? ''],
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      data(
        client.GET('/v1/admin/conversations', {
          params: { query: { q: filters.q || undefined, state: filters.state ?? undefined, limit: 100 } },
          signal,
        }),
      ),
  });
}

export function useMessages(conversationId: string | undefined) {
  const { project } = useAuth();
  const projectId = project?.project_id;
  return useQuery({
    queryKey: ['messages', projectId, conversationId],
    enabled: Boolean(projectId && conversationId),
    queryFn: ({ signal }) =>
      data(
        client.GET('/v1/admin/conversations/{conversationId}/messages', {
          params: { path: { conversationId: conversationId! }, query: { limit: 200 } },
          signal,
        }),
      ),
  });
}

/**
 * A booking a turn made or changed, to name it in the thread. Kept under the calendar's key, so a change made in the
 * calendar (which invalidates that key) shows here too.
 */
export function useBooking(bookingId: string) {
  const { project } = useAuth();
  const projectId = project?.project_id;
  return useQuery({
    queryKey: ['calendar', projectId, 'booking', bookingId],
    enabled: Boolean(projectId),
    staleTime: 30_000,
    queryFn: ({ signal }) => api<Booking>(`/v1/admin/calendar/bookings/${encodeURIComponent(bookingId)}`, { signal }),
  });
}

const actions = {
  pause: (conversationId: string) =>
    client.POST('/v1/admin/conversations/{conversationId}/pause', { params: { path: { conversationId } } }),
  resume: (conversationId: string) =>
    client.POST('/v1/admin/conversations/{conversationId}/resume', { params: { path: { conversationId } } }),
  read: (conversationId: string) =>
    client.POST('/v1/admin/conversations/{conversationId}/read', { params: { path: { conversationId } } }),
  reply: (conversationId: string, text: string) =>
    client.POST('/v1/admin/conversations/{conversationId}/reply', { params: { path: { conversationId } }, body: { text } }),
};

function useConversationAction(action: keyof typeof actions) {
  const queryClient = useQueryClient();
  const { project } = useAuth();
  return useMutation({
    mutationFn: async ({ conversationId, text }: { conversationId: string; text?: string }): Promise<void> => {
      await (action === 'reply' ? actions.reply(conversationId, text ?? '') : actions[action](conversationId));
    },
    onSuccess: (_data, { conversationId }) => {
      void queryClient.invalidateQueries({ queryKey: ['conversations', project?.project_id] });
      void queryClient.invalidateQueries({ queryKey: ['messages', project?.project_id, conversationId] });
    },
  });
}

export const useTakeOver = () => useConversationAction('pause');
export const useHandBack = () => useConversationAction('resume');
export const useReply = () => useConversationAction('reply');
export const useMarkRead = () => useConversationAction('read');
