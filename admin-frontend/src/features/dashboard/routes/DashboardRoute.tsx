import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, Card, Center, Grid, Group, Loader, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBellCheck, IconCalendarCheck, IconCalendarWeek, IconTargetArrow, IconUserX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import { useDashboard } from '../api/stats';
import { Agenda } from '../components/Agenda';
import { LinkConversions } from '../components/LinkConversions';
import { StatCard } from '../components/StatCard';

// the charting library is the page's heaviest part: it loads after the counters and the agenda
const MessagesPerHourChart = lazy(() => import('../components/Charts').then((m) => ({ default: m.MessagesPerHourChart })));
const BookingsPerDayChart = lazy(() => import('../components/Charts').then((m) => ({ default: m.BookingsPerDayChart })));
const BotShareChart = lazy(() => import('../components/Charts').then((m) => ({ default: m.BotShareChart })));

function ChartSlot({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Card h="100%">
          <Skeleton height={20} width="50%" mb="md" />
          <Skeleton height={240} />
        </Card>
      }
    >
      {children}
    </Suspense>
  );
}

export function DashboardRoute() {
  const { t } = useTranslation();
  const format = useFormat();
  const dashboard = useDashboard();
  const stats = dashboard.data;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('dashboard.title')}
        </Title>
        {stats && (
          <Text c="dimmed" size="sm">
            {t('dashboard.timeZone', { zone: stats.time_zone })}
          </Text>
        )}
      </Group>
      {dashboard.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {dashboard.isError && <Alert color="red">{t('errors.generic')}</Alert>}
      {stats && (
        <>
          {stats.bookings_available === false && (
            <Alert color="yellow" role="status">
              {t('dashboard.bookingsUnavailable')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, lg: stats.reminders ? 5 : 4 }}>
            <StatCard
              label={t('dashboard.bookingsToday')}
              value={stats.bookings_today}
              hint={t('dashboard.madeToday', { count: stats.bookings_made_today ?? 0 })}
              icon={<IconCalendarCheck size={22} />}
              color="teal"
            />
            <StatCard
              label={t('dashboard.bookingsWeek')}
              value={stats.bookings_week}
              icon={<IconCalendarWeek size={22} />}
              color="indigo"
            />
            <StatCard
              label={t('dashboard.conversion')}
              value={format.percent(stats.conversations ? stats.conversations_with_booking / stats.conversations : 0)}
              hint={t('dashboard.conversionHint', { booked: stats.conversations_with_booking, total: stats.conversations })}
              icon={<IconTargetArrow size={22} />}
              color="grape"
            />
            <StatCard
              label={t('dashboard.noShows')}
              value={stats.no_shows}
              hint={t('dashboard.last30Days')}
              icon={<IconUserX size={22} />}
              color="red"
            />
            {stats.reminders && (
              <StatCard
                label={t('dashboard.reminderConfirmation')}
                value={stats.reminders.sent ? format.percent(stats.reminders.confirmation_rate) : '—'}
                hint={t('dashboard.reminderConfirmationHint', {
                  confirmed: stats.reminders.confirmed,
                  sent: stats.reminders.sent,
                  cancelled: stats.reminders.cancelled,
                  rescheduled: stats.reminders.rescheduled,
                  noAnswer: stats.reminders.no_answer,
                  days: stats.reminders.days,
                })}
                icon={<IconBellCheck size={22} />}
                color="cyan"
              />
            )}
          </SimpleGrid>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Agenda items={stats.today_agenda} timeZone={stats.time_zone} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="md" h="100%">
                <ChartSlot>
                  <MessagesPerHourChart data={stats.messages_per_hour} />
                </ChartSlot>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <ChartSlot>
                <BookingsPerDayChart data={stats.bookings_per_day} />
              </ChartSlot>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <ChartSlot>
                <BotShareChart bot={stats.replies_by_bot} staff={stats.replies_by_staff} />
              </ChartSlot>
            </Grid.Col>
            {stats.links && (
              <Grid.Col span={12}>
                <LinkConversions data={stats.links} />
              </Grid.Col>
            )}
          </Grid>
        </>
      )}
    </Stack>
  );
}
