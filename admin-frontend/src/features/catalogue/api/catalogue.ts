import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type {
  DateOverride,
  Hours,
  Professional,
  ProfessionalRequest,
  Service,
  ServiceRequest,
  TimeOff,
  WorkingRange,
} from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';

export type FutureBookings = 'keep' | 'cancel';

function useProjectId() {
  return useAuth().project?.project_id;
}

export function useProfessionals() {
  const projectId = useProjectId();
  return useQuery({
    queryKey: ['catalogue', projectId, 'professionals'],
    enabled: Boolean(projectId),
    queryFn: ({ signal }) => api<Professional[]>('/v1/admin/catalogue/professionals', { signal }),
  });
}

export function useServices() {
  const projectId = useProjectId();
  return useQuery({
    queryKey: ['catalogue', projectId, 'services'],
    enabled: Boolean(projectId),
    queryFn: ({ signal }) => api<Service[]>('/v1/admin/catalogue/services', { signal }),
  });
}

export function useHours(professionalId: string | null) {
  const projectId = useProjectId();
  return useQuery({
    queryKey: ['catalogue', projectId, 'hours', professionalId],
    enabled: Boolean(projectId && professionalId),
    queryFn: ({ signal }) =>
      api<Hours>(`/v1/admin/catalogue/professionals/${encodeURIComponent(professionalId!)}/hours`, { signal }),
  });
}

/** A catalogue edit: afterwards the catalogue and the calendar (columns, shading) are read again. */
function useCatalogueMutation<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  const projectId = useProjectId();
  return useMutation({
    mutationFn: call,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['catalogue', projectId] });
      await queryClient.invalidateQueries({ queryKey: ['calendar', projectId] });
    },
  });
}

export function useSaveProfessional() {
  return useCatalogueMutation(
    (v: { id: string | null; body: ProfessionalRequest; future?: FutureBookings; notify?: boolean }) =>
      api<Professional>(
        v.id ? `/v1/admin/catalogue/professionals/${encodeURIComponent(v.id)}` : '/v1/admin/catalogue/professionals',
        { method: v.id ? 'PUT' : 'POST', body: v.body, query: { future_bookings: v.future, notify: v.notify ? 'true' : undefined } },
      ),
  );
}

export function useSaveService() {
  return useCatalogueMutation(
    (v: { id: string | null; body: ServiceRequest; future?: FutureBookings; notify?: boolean }) =>
      api<Service>(v.id ? `/v1/admin/catalogue/services/${encodeURIComponent(v.id)}` : '/v1/admin/catalogue/services', {
        method: v.id ? 'PUT' : 'POST',
        body: v.body,
        query: { future_bookings: v.future, notify: v.notify ? 'true' : undefined },
      }),
  );
}

export function useSetHours() {
  return useCatalogueMutation((v: { professionalId: string; ranges: WorkingRange[] }) =>
    api<Hours>(`/v1/admin/catalogue/professionals/${encodeURIComponent(v.professionalId)}/hours`, {
      method: 'PUT',
      body: { ranges: v.ranges },
    }),
  );
}

export function useAddTimeOff() {
  return useCatalogueMutation((v: { professionalId: string; start: string; end: string; reason: string | null }) =>
    api<TimeOff>(`/v1/admin/catalogue/professionals/${encodeURIComponent(v.professionalId)}/time-off`, {
      method: 'POST',
      body: { start: v.start, end: v.end, reason: v.reason },
    }),
  );
}

export function useRemoveTimeOff() {
  return useCatalogueMutation((v: { professionalId: string; timeOffId: string }) =>
    api<void>(
      `/v1/admin/catalogue/professionals/${encodeURIComponent(v.professionalId)}/time-off/${encodeURIComponent(v.timeOffId)}`,
      { method: 'DELETE' },
    ),
  );
}

/** Different hours on one date of the clinic's calendar (`ranges: []` = closed that day). */
export function useSetDateOverride() {
  return useCatalogueMutation(
    (v: { professionalId: string; date: string; ranges: DateOverride['ranges']; reason: string | null }) =>
      api<DateOverride>(
        `/v1/admin/catalogue/professionals/${encodeURIComponent(v.professionalId)}/date-overrides/${encodeURIComponent(v.date)}`,
        { method: 'PUT', body: { ranges: v.ranges, reason: v.reason } },
      ),
  );
}

export function useRemoveDateOverride() {
  return useCatalogueMutation((v: { professionalId: string; date: string }) =>
    api<void>(
      `/v1/admin/catalogue/professionals/${encodeURIComponent(v.professionalId)}/date-overrides/${encodeURIComponent(v.date)}`,
      { method: 'DELETE' },
    ),
  );
}
