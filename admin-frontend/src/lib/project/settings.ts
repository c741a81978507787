/** The project's settings and API keys, shared by the settings and flows pages. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';
import type { ProjectSettings } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';

function useProjectId(): string | undefined {
  return useAuth().project?.project_id;
}

export function useProjectSettings() {
  const id = useProjectId();
  return useQuery({
    queryKey: ['settings', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/projects/{projectId}/settings', { params: { path: { projectId: id! } }, signal })),
  });
}

/** Saves the whole settings document (PUT); the API keeps every version. */
export function useSaveSettings() {
  const id = useProjectId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: Omit<ProjectSettings, 'id'>) =>
      data(client.PUT('/v1/admin/projects/{projectId}/settings', { params: { path: { projectId: id! } }, body: update })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['settings-history', id] });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export function useApiKeys() {
  const id = useProjectId();
  return useQuery({
    queryKey: ['api-keys', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/projects/{projectId}/api-keys', { params: { path: { projectId: id! } }, signal })),
  });
}

export function useCreateApiKey() {
  const id = useProjectId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      data(client.POST('/v1/admin/projects/{projectId}/api-keys', { params: { path: { projectId: id! } }, body: { name } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['api-keys', id] }),
  });
}

export function useRevokeApiKey() {
  const id = useProjectId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (keyId: string) => {
      await client.DELETE('/v1/admin/projects/{projectId}/api-keys/{keyId}', {
        params: { path: { projectId: id!, keyId } },
      });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['api-keys', id] }),
  });
}

export function useRotateWebhookSecret() {
  const id = useProjectId();
  return useMutation({
    mutationFn: () =>
      data(client.POST('/v1/admin/projects/{projectId}/webhook-secret', { params: { path: { projectId: id! } } })),
  });
}
