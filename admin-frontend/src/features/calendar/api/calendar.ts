import { useEffect } from 'react';
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

function scheduleQuery(projectId: string | undefined, range: Range) {
  return {
    queryKey: ['calendar', projectId, 'schedule', range.from, range.to],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api<Schedule>('/v1/admin/calendar/schedule', { query: { from: range.from, to: range.to }, signal }),
  };
}

type Filters = { professionalId?: string | null; serviceId?: string | null };

function bookingsQuery(projectId: string | undefined, range: Range, filters: Filters) {
  return {
    queryKey: ['calendar', projectId, 'bookings', range.from, range.to, filters.professionalId, filters.serviceId],
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
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
  };
}

/** Professionals (columns) with hours, time off and date overrides, services and the clinic's time zone. */
export function useSchedule(range: Range) {
  const projectId = useProjectId();
  return useQuery({ ...scheduleQuery(projectId, range), enabled: Boolean(projectId), placeholderData: keepPreviousData });
}

/** Every booking of the range: one request per page of 1000 (a clinic's week is one). */
export function useBookings(range: Range, filters: Filters) {
  const projectId = useProjectId();
  return useQuery({
    ...bookingsQuery(projectId, range, filters),
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
  });
}

/**
 * Loads the ranges next to the shown one (the previous and next week or day) once the shown one is in,
 * so going back and forth lays out data already at hand instead of waiting for the network.
 */
export function usePrefetch(ranges: Range[], filters: Filters, ready: boolean) {
  const projectId = useProjectId();
  const queryClient = useQueryClient();
  const key = ranges.map((r) => r.from).join('|');
  useEffect(() => {
    if (!projectId || !ready) return;
    for (const range of ranges) {
      void queryClient.prefetchQuery(scheduleQuery(projectId, range));
      void queryClient.prefetchQuery(bookingsQuery(projectId, range, filters));
    }
    // the ranges are the same while their key is
  }, [projectId, ready, key, filters.professionalId, filters.serviceId, queryClient]);
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
