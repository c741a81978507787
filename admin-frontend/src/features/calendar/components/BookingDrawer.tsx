import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Booking, BookingStatus, HistoryEntry } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import { useCancel, useHistory, useOutcome } from '../api/calendar';
import { ACTIVE } from './calendarModel';

const STATUS_COLOR: Record<BookingStatus, string> = {
  HELD: 'yellow',
  CONFIRMED: 'blue',
  COMPLETED: 'teal',
  NO_SHOW: 'red',
  CANCELLED: 'gray',
  EXPIRED: 'gray',
};

/** Who did it, for people: the assistant, the patient, a staff member's email, the system. */
export function useActorLabel() {
  const { t } = useTranslation();
  return (actor: string) => {
    if (actor.startsWith('staff:')) return actor.slice('staff:'.length);
    if (actor.startsWith('customer:')) return t('calendar.actor.patient');
    if (actor.startsWith('service:') || actor === 'assistant') return t('calendar.actor.assistant');
    return t('calendar.actor.system');
  };
}

function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actor = useActorLabel();
  if (!entries.length) return <Text c="dimmed">{t('calendar.drawer.noHistory')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {entries.map((e, index) => (
        <Timeline.Item key={`${e.occurred_at}-${index}`} title={t(`calendar.event.${e.type}`, { defaultValue: e.type })}>
          <Text size="sm">{actor(e.actor)}</Text>
          <Text size="xs" c="dimmed">
            {format.dayTime(e.occurred_at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** A booking's details, its history from the booking log, and what staff may do with it now. */
export function BookingDrawer({ booking, onClose }: { booking: Booking | null; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useHistory(booking?.id ?? null);
  const cancel = useCancel();
  const outcome = useOutcome();
  const [reason, setReason] = useState('');
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [booking?.id]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : t('errors.generic'));
    }
  };

  const started = booking ? new Date(booking.start).getTime() <= Date.now() : false;
  const active = booking ? ACTIVE.includes(booking.status) : false;
  const markable = booking ? started && ['CONFIRMED', 'COMPLETED', 'NO_SHOW'].includes(booking.status) : false;

  return (
    <Drawer
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={booking !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={t('calendar.drawer.title')}
    >
      {booking && (
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {booking.customer_name ?? booking.customer_id}
            </Title>
            <Badge color={STATUS_COLOR[booking.status]} variant="light">
              {t(`calendar.status.${booking.status}`)}
            </Badge>
          </Group>
          <Text>
            {booking.service_name} · {booking.professional_name}
          </Text>
          <Text>
            {format.dayTime(booking.start)} – {format.time(booking.end)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('calendar.drawer.code', { code: booking.short_code })} · {booking.customer_id}
            {booking.channel ? ` · ${t(`calendar.channel.${booking.channel}`, { defaultValue: booking.channel })}` : ''}
          </Text>
          {booking.attendance && (
            <Text size="sm">{t(`calendar.attendance.${booking.attendance}`)}</Text>
          )}
          {booking.notes && <Text size="sm">{booking.notes}</Text>}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {markable && (
            <Group>
              <Button
                color="teal"
                variant={booking.status === 'COMPLETED' ? 'filled' : 'light'}
                loading={outcome.isPending}
                onClick={() => void run(() => outcome.mutateAsync({ bookingId: booking.id, outcome: 'COMPLETED' }))}
              >
                {t('calendar.drawer.completed')}
              </Button>
              <Button
                color="red"
                variant={booking.status === 'NO_SHOW' ? 'filled' : 'light'}
                loading={outcome.isPending}
                onClick={() => void run(() => outcome.mutateAsync({ bookingId: booking.id, outcome: 'NO_SHOW' }))}
              >
                {t('calendar.drawer.noShow')}
              </Button>
            </Group>
          )}
          {active && (
            <Stack gap="xs">
              <Divider label={t('calendar.drawer.cancelTitle')} labelPosition="left" />
              <Textarea
                label={t('calendar.drawer.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={500}
                autosize
                minRows={2}
              />
              <Checkbox label={t('calendar.notify')} checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} />
              <Button
                color="red"
                variant="outline"
                loading={cancel.isPending}
                onClick={() =>
                  void run(() => cancel.mutateAsync({ bookingId: booking.id, reason: reason.trim() || null, notify }))
                }
              >
                {t('calendar.drawer.cancel')}
              </Button>
            </Stack>
          )}
          <Divider label={t('calendar.drawer.history')} labelPosition="left" />
          {history.isLoading ? <Loader size="sm" /> : <HistoryList entries={history.data ?? []} />}
        </Stack>
      )}
    </Drawer>
  );
}
