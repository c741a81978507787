/** The superadmin's projects: list and create (the new project's secrets are shown once). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';

export function useProjects() {
  return useQuery({
    queryKey: ['projects'],
    queryFn: ({ signal }) => data(client.GET('/v1/admin/projects', { signal })),
  });
}

export interface NewProject {
  id: string;
  name: string;
  time_zone: string;
  locale: 'es' | 'en';
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProject) => data(client.POST('/v1/admin/projects', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      // the project switcher lists every project from /v1/admin/me
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
