/** The project's orders and claims hook: its URL and whether a (write-only) secret is set. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';
import { useAuth } from '@/lib/auth/auth';

function useProjectId(): string | undefined {
  return useAuth().project?.project_id;
}

export function useOrderHook() {
  const id = useProjectId();
  return useQuery({
    queryKey: ['order-hook', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/projects/{projectId}/order-hook', { params: { path: { projectId: id! } }, signal })),
  });
}

/** Saves the URL and, when typed, a new secret (an empty secret keeps the stored one). */
export function useSaveOrderHook() {
  const id = useProjectId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: { url: string; secret?: string }) =>
      data(client.PUT('/v1/admin/projects/{projectId}/order-hook', { params: { path: { projectId: id! } }, body: update })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['order-hook', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['settings', id] });
    },
  });
}

export function useRemoveOrderHook() {
  const id = useProjectId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await client.DELETE('/v1/admin/projects/{projectId}/order-hook', { params: { path: { projectId: id! } } });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['order-hook', id] });
      void queryClient.invalidateQueries({ queryKey: ['settings', id] });
    },
  });
}
