import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type {
  Booking,
  BookingChange,
  BookingPage,
  BookingStatus,
  CustomerMatch,
  HistoryEntry,
  NewBookingRequest,
  Schedule,
  SlotList,
} from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';

export interface Range {
  from: string;
  to: string;
}

function useProjectId() {
  const { project } = useAuth();
  return project?.project_id;
}

/** Professionals (columns) with hours and time off, services and the clinic's time zone. */
export function useSchedule(range: Range) {
  const projectId = useProjectId();
  return useQuery({
    queryKey: ['calendar', projectId, 'schedule', range.from, range.to],
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api<Schedule>('/v1/admin/calendar/schedule', { query: { from: range.from, to: range.to }, signal }),
  });
}

/** Every booking of the range: one request per page of 1000 (a clinic's week is one). */
export function useBookings(range: Range, filters: { professionalId?: string | null; serviceId?: string | null }) {
  const projectId = useProjectId();
  return useQuery({
    queryKey: ['calendar', projectId, 'bookings', range.from, range.to, filters.professionalId, filters.serviceId],
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const bookings: Booking[] = [];
      let cursor: string | null = null;
      do {
        const page: BookingPage = await api<BookingPage>('/v1/admin/calendar/bookings', {
          query: {
            from: range.from,
            to: range.to,
            professional_id: filters.professionalId,
            service_id: filters.serviceId,
            cursor,
          },
          signal,
        });
        bookings.push(...page.bookings);
        cursor = page.next_cursor;
      } while (cursor);
      return bookings;
    },
  });
}

export function useSlots(serviceId: string | null, professionalId: string | null, date: string | null) {
  const projectId = useProjectId();
  return useQuery({
    queryKey: ['calendar', projectId, 'slots', serviceId, professionalId, date],
    enabled: Boolean(projectId && serviceId && date),
    queryFn: ({ signal }) =>
      api<SlotList>('/v1/admin/calendar/slots', {
        query: { service_id: serviceId, professional_id: professionalId, date },
        signal,
      }),
  });
}

export function useCustomerSearch(q: string) {
  const projectId = useProjectId();
  return useQuery({
    queryKey: ['calendar', projectId, 'customers', q],
    enabled: Boolean(projectId) && q.trim().length >= 2,
    queryFn: ({ signal }) => api<CustomerMatch[]>('/v1/admin/calendar/customers', { query: { q: q.trim() }, signal }),
  });
}

export function useHistory(bookingId: string | null) {
  const projectId = useProjectId();
  return useQuery({
    queryKey: ['calendar', projectId, 'history', bookingId],
    enabled: Boolean(projectId && bookingId),
    queryFn: ({ signal }) =>
      api<HistoryEntry[]>(`/v1/admin/calendar/bookings/${encodeURIComponent(bookingId!)}/history`, { signal }),
  });
}

function useCalendarMutation<V>(call: (variables: V) => Promise<BookingChange>) {
  const queryClient = useQueryClient();
  const projectId = useProjectId();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['calendar', projectId] }),
  });
}

export function useBook() {
  return useCalendarMutation((body: NewBookingRequest) =>
    api<BookingChange>('/v1/admin/calendar/bookings', { method: 'POST', body }),
  );
}

export function useReschedule() {
  return useCalendarMutation(
    (v: { bookingId: string; start: string; professionalId?: string | null; notify: boolean }) =>
      api<BookingChange>(`/v1/admin/calendar/bookings/${encodeURIComponent(v.bookingId)}/reschedule`, {
        method: 'POST',
        body: { start: v.start, professional_id: v.professionalId ?? null, notify_patient: v.notify },
      }),
  );
}

export function useCancel() {
  return useCalendarMutation((v: { bookingId: string; reason: string | null; notify: boolean }) =>
    api<BookingChange>(`/v1/admin/calendar/bookings/${encodeURIComponent(v.bookingId)}/cancel`, {
      method: 'POST',
      body: { reason: v.reason, notify_patient: v.notify },
    }),
  );
}

export function useOutcome() {
  return useCalendarMutation((v: { bookingId: string; outcome: Extract<BookingStatus, 'COMPLETED' | 'NO_SHOW'> }) =>
    api<BookingChange>(`/v1/admin/calendar/bookings/${encodeURIComponent(v.bookingId)}/outcome`, {
      method: 'POST',
      body: { outcome: v.outcome },
    }),
  );
}
