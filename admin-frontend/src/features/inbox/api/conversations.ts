import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ConversationPage, ConversationState, Message } from '@/lib/api/types';
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
      api<ConversationPage>('/v1/admin/conversations', {
        query: { q: filters.q, state: filters.state, limit: 100 },
        signal,
      }),
  });
}

export function useMessages(conversationId: string | undefined) {
  const { project } = useAuth();
  const projectId = project?.project_id;
  return useQuery({
    queryKey: ['messages', projectId, conversationId],
    enabled: Boolean(projectId && conversationId),
    queryFn: ({ signal }) =>
      api<Message[]>(`/v1/admin/conversations/${encodeURIComponent(conversationId!)}/messages`, {
        query: { limit: 200 },
        signal,
      }),
  });
}

function useConversationAction<T = unknown>(action: 'pause' | 'resume' | 'reply' | 'read') {
  const queryClient = useQueryClient();
  const { project } = useAuth();
  return useMutation({
    mutationFn: ({ conversationId, text }: { conversationId: string; text?: string }) =>
      api<T>(`/v1/admin/conversations/${encodeURIComponent(conversationId)}/${action}`, {
        method: 'POST',
        body: action === 'reply' ? { text } : undefined,
      }),
    onSuccess: (_data, { conversationId }) => {
      void queryClient.invalidateQueries({ queryKey: ['conversations', project?.project_id] });
      void queryClient.invalidateQueries({ queryKey: ['messages', project?.project_id, conversationId] });
    },
  });
}

export const useTakeOver = () => useConversationAction('pause');
export const useHandBack = () => useConversationAction('resume');
export const useReply = () => useConversationAction<Message>('reply');
export const useMarkRead = () => useConversationAction('read');
