import { useQuery } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';
import { useAuth } from '@/lib/auth/auth';

/** Every saved version of the project's settings, newest first (the API keeps the last 50). */
export function useSettingsHistory() {
  const id = useAuth().project?.project_id;
  return useQuery({
    queryKey: ['settings-history', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/projects/{projectId}/settings/history', { params: { path: { projectId: id! } }, signal })),
  });
}
