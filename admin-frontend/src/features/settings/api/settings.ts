import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ApiKey, ProjectSettings } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';

export function useProjectSettings() {
  const { project } = useAuth();
  const id = project?.project_id;
  return useQuery({
    queryKey: ['settings', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api<ProjectSettings>(`/v1/admin/projects/${encodeURIComponent(id!)}/settings`, { signal }),
  });
}

export function useApiKeys() {
  const { project } = useAuth();
  const id = project?.project_id;
  return useQuery({
    queryKey: ['api-keys', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api<ApiKey[]>(`/v1/admin/projects/${encodeURIComponent(id!)}/api-keys`, { signal }),
  });
}
