import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { DashboardStats } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';

export function useDashboard() {
  const { project } = useAuth();
  const projectId = project?.project_id;
  return useQuery({
    queryKey: ['dashboard', projectId],
    enabled: Boolean(projectId),
    refetchInterval: 60_000,
    queryFn: ({ signal }) => api<DashboardStats>('/v1/admin/stats/dashboard', { signal }),
  });
}
