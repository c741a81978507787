import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/es';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '@/lib/api/client';
import type { BookingStatus, SlotList } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';
import { fromFloating, isoDate, toFloating } from '@/lib/format/zone';
import { useLiveEvent } from '@/lib/live/events';
import { useBookings, usePrefetch, useReschedule, useSchedule } from '../api/calendar';
import { AlternativesModal, type Alternative } from '../components/AlternativesModal';
import { BookingDrawer } from '../components/BookingDrawer';
import { BookingsCalendar } from '../components/BookingsCalendar';
import { NewBookingModal, type NewBookingTarget } from '../components/NewBookingModal';
import { toEvents, type CalendarEvent } from '../components/calendarModel';
import classes from '../components/Calendar.module.css';

const LEGEND: BookingStatus[] = ['HELD', 'CONFIRMED', 'COMPLETED', 'NO_SHOW', 'CANCELLED'];

interface Refused {
  reason: 'taken' | 'outside';
  alternatives: Alternative[];
  bookingId: string;
}

/** The bookings calendar: week and per-professional day views in the clinic's time zone. */
export function CalendarRoute() {
  const { t, i18n } = useTranslation();
  const { project } = useAuth();
  const queryClient = useQueryClient();
  const projectZone = project?.time_zone ?? 'UTC';
  // ?view=day&date=YYYY-MM-DD opens a given day (links, bookmarks)
  const [params] = useSearchParams();
  const [view, setView] = useState<'week' | 'day'>(params.get('view') === 'day' ? 'day' : 'week');
  const [date, setDate] = useState(() => {
    const asked = /^(\d{4})-(\d{2})-(\d{2})$/.exec(params.get('date') ?? '');
    return asked ? new Date(Number(asked[1]), Number(asked[2]) - 1, Number(asked[3]), 12) : toFloating(new Date(), projectZone);
  });
  const [professionalId, setProfessionalId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [showCancelled, setShowCancelled] = useState(false);
  const [notifyMoves, setNotifyMoves] = useState(false);
  const [target, setTarget] = useState<NewBookingTarget | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);

  const notify = (color: 'teal' | 'red', message: string, title?: string) =>
    notifications.show({ color, message, title, closeButtonProps: { 'aria-label': t('common.close') } });

  const range = useMemo(() => {
    // the calendar lays out weeks with dayjs's global locale (Monday first in Spanish): load the same range
    dayjs.locale(i18n.language === 'en' ? 'en' : 'es');
    const unit = view === 'week' ? 'week' : 'day';
    const of = (start: dayjs.Dayjs) => ({
      from: fromFloating(start.toDate(), projectZone).toISOString(),
      to: fromFloating(start.add(1, unit).toDate(), projectZone).toISOString(),
    });
    const start = dayjs(date).startOf(unit);
    return { ...of(start), around: [of(start.add(1, unit)), of(start.subtract(1, unit))] };
  }, [date, view, i18n.language, projectZone]);

  const schedule = useSchedule(range);
  const bookings = useBookings(range, { professionalId, serviceId });
  usePrefetch(range.around, { professionalId, serviceId }, Boolean(schedule.data && bookings.data));
  const reschedule = useReschedule();
  const timeZone = schedule.data?.time_zone ?? projectZone;

  useLiveEvent((event) => {
    if (event.type === 'booking') void queryClient.invalidateQueries({ queryKey: ['calendar', project?.project_id] });
  });

  const professionals = useMemo(
    () =>
      (schedule.data?.professionals ?? []).filter(
        (p) => (professionalId ? p.id === professionalId : p.active) || (bookings.data ?? []).some((b) => b.professional_id === p.id),
      ),
    [schedule.data, professionalId, bookings.data],
  );
  const events = useMemo(
    () => toEvents(bookings.data ?? [], timeZone, showCancelled),
    [bookings.data, timeZone, showCancelled],
  );
  const selected = (bookings.data ?? []).find((b) => b.id === selectedId) ?? null;

  const move = async (bookingId: string, start: string, toProfessional: string | null) => {
    try {
      const answer = await reschedule.mutateAsync({ bookingId, start, professionalId: toProfessional, notify: notifyMoves });
      setRefused(null);
      notify('teal', t('calendar.moved', { code: answer.booking.short_code }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && String(e.problem.type).endsWith('/slot-taken')) {
        setRefused({ reason: 'taken', alternatives: (e.problem.alternatives as Alternative[]) ?? [], bookingId });
      } else if (e instanceof ApiError && e.status === 422) {
        const booking = (bookings.data ?? []).find((b) => b.id === bookingId);
        const day = isoDate(toFloating(start, timeZone));
        const slots = booking
          ? await api<SlotList>('/v1/admin/calendar/slots', {
              query: { service_id: booking.service_id, professional_id: toProfessional ?? booking.professional_id, date: day },
            }).catch(() => null)
          : null;
        const after = (slots?.slots ?? []).filter((s) => s.start >= start).slice(0, 8);
        setRefused({ reason: 'outside', alternatives: after, bookingId });
      } else {
        notify('red', e instanceof Error ? e.message : '', t('errors.actionFailed'));
      }
    }
  };

  const onMove = (event: CalendarEvent, start: Date, toProfessional: string | null) => {
    const instant = fromFloating(start, timeZone).toISOString();
    const sameProfessional = !toProfessional || toProfessional === event.booking.professional_id;
    if (new Date(instant).getTime() === new Date(event.booking.start).getTime() && sameProfessional) return;
    void move(event.booking.id, instant, sameProfessional ? null : toProfessional);
  };

  // handlers with a stable identity (they read the latest state when called), so the memoised calendar
  // is not laid out again when only a modal or the drawer changes
  const latest = useRef({ onMove, setTarget, professionalId });
  latest.current = { onMove, setTarget, professionalId };
  const calendarHandlers = useMemo(
    () => ({
      onSelectSlot: (start: Date, resource: string | null) =>
        latest.current.setTarget({ start, professionalId: resource ?? latest.current.professionalId }),
      onSelectEvent: (event: CalendarEvent) => setSelectedId(event.id),
      onMove: (event: CalendarEvent, start: Date, toProfessional: string | null) =>
        latest.current.onMove(event, start, toProfessional),
    }),
    [],
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('calendar.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('calendar.timeZone', { zone: timeZone })}
          </Text>
        </div>
        <Group align="flex-end">
          <Button
            leftSection={<IconPlus size={16} />}
            disabled={!schedule.data}
            onClick={() => {
              // the next quarter hour on the shown day (today: from now)
              const now = toFloating(new Date(), timeZone);
              const start = new Date(date);
              start.setHours(now.getHours(), Math.ceil(now.getMinutes() / 15) * 15, 0, 0);
              setTarget({ start, professionalId });
            }}
          >
            {t('calendar.newBooking')}
          </Button>
          <Select
            label={t('calendar.professional')}
            placeholder={t('calendar.all')}
            clearable
            data={(schedule.data?.professionals ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={professionalId}
            onChange={setProfessionalId}
            w={200}
          />
          <Select
            label={t('calendar.service')}
            placeholder={t('calendar.all')}
            clearable
            data={(schedule.data?.services ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={serviceId}
            onChange={setServiceId}
            w={200}
          />
          <Stack gap={6}>
            <Switch label={t('calendar.showCancelled')} checked={showCancelled} onChange={(e) => setShowCancelled(e.currentTarget.checked)} />
            <Switch label={t('calendar.notifyMoves')} checked={notifyMoves} onChange={(e) => setNotifyMoves(e.currentTarget.checked)} />
          </Stack>
        </Group>
      </Group>
      <Group gap="md" aria-label={t('calendar.legend')}>
        {LEGEND.map((status) => (
          <Text size="xs" key={status}>
            <span className={`${classes.legend} ${classes[status]}`} />
            {t(`calendar.status.${status}`)}
          </Text>
        ))}
        <Text size="xs">
          <span className={`${classes.legend} ${classes.closed}`} />
          {t('calendar.closedHours')}
        </Text>
        <Text size="xs">
          <span className={`${classes.legend} ${classes.off}`} />
          {t('calendar.timeOff')}
        </Text>
      </Group>
      {(schedule.isError || bookings.isError) && <Alert color="red">{t('errors.generic')}</Alert>}
      {!schedule.data ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : (
        <>
          <BookingsCalendar
            timeZone={timeZone}
            view={view}
            date={date}
            events={events}
            professionals={professionals}
            onView={setView}
            onNavigate={setDate}
            onSelectSlot={calendarHandlers.onSelectSlot}
            onSelectEvent={calendarHandlers.onSelectEvent}
            onMove={calendarHandlers.onMove}
          />
          <NewBookingModal
            target={target}
            schedule={schedule.data}
            onClose={() => setTarget(null)}
            onBooked={(code, notice) => {
              setTarget(null);
              notify('teal', t(`calendar.booked.${notice}`, { code }));
            }}
          />
        </>
      )}
      <BookingDrawer booking={selected} onClose={() => setSelectedId(null)} />
      <AlternativesModal
        reason={refused?.reason ?? null}
        alternatives={refused?.alternatives ?? []}
        onClose={() => setRefused(null)}
        onPick={(a) => refused && void move(refused.bookingId, a.start, a.professional_id)}
      />
    </Stack>
  );
}
