import { useQuery } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';
import { useAuth } from '@/lib/auth/auth';

export function useProjectSettings() {
  const { project } = useAuth();
  const id = project?.project_id;
  return useQuery({
    queryKey: ['settings', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/projects/{projectId}/settings', { params: { path: { projectId: id! } }, signal })),
  });
}

export function useApiKeys() {
  const { project } = useAuth();
  const id = project?.project_id;
  return useQuery({
    queryKey: ['api-keys', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/projects/{projectId}/api-keys', { params: { path: { projectId: id! } }, signal })),
  });
}
