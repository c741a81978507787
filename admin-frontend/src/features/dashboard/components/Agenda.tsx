import { Badge, Card, Group, ScrollArea, Text, Title } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import classes from './Agenda.module.css';
import { scrollRegion } from '@/components/scrollRegion';

const HOUR_PX = 72;

/** Minutes since midnight of an instant in a time zone. */
export function minutesOfDay(iso: string, timeZone: string | undefined): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(
      new Date(iso),
    );
  } catch {
    parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  }
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

const statusColor: Record<string, string> = {
  CONFIRMED: 'teal',
  HELD: 'yellow',
  COMPLETED: 'gray',
  NO_SHOW: 'red',
  CANCELLED: 'gray',
};

/** Today's bookings as a day calendar, one column per professional, in the project's time zone. */
export function Agenda({ items, timeZone }: { items: AgendaItem[]; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const professionals = [...new Set(items.map((item) => item.professional_name))].sort();
  const spans = items.map((item) => ({
    item,
    from: minutesOfDay(item.start, timeZone),
    to: Math.max(minutesOfDay(item.end, timeZone), minutesOfDay(item.start, timeZone) + 15),
  }));
  const firstHour = Math.min(8, ...spans.map((span) => Math.floor(span.from / 60)));
  const lastHour = Math.max(19, ...spans.map((span) => Math.ceil(span.to / 60)));
  const hours = Array.from({ length: lastHour - firstHour }, (_, index) => firstHour + index);
  const top = (minutes: number) => ((minutes - firstHour * 60) / 60) * HOUR_PX;

  return (
    <Card h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('dashboard.todayAgenda')}
        </Title>
        <Badge variant="light">{t('dashboard.bookingCount', { count: items.length })}</Badge>
      </Group>
      {items.length === 0 ? (
        <Group justify="center" gap="xs" py="xl" c="dimmed">
          <IconCalendarOff size={22} aria-hidden />
          <Text size="sm">{t('dashboard.noBookingsToday')}</Text>
        </Group>
      ) : (
        <ScrollArea h={420} type="auto" viewportProps={scrollRegion(t('dashboard.agendaScroll'))}>
          <div className={classes.grid} style={{ gridTemplateColumns: `52px repeat(${professionals.length}, minmax(150px, 1fr))` }}>
            <div />
            {professionals.map((name) => (
              <Text key={name} className={classes.head} size="sm" fw={600} truncate>
                {name}
              </Text>
            ))}
            <div className={classes.hours} style={{ height: hours.length * HOUR_PX }}>
              {hours.map((hour) => (
                <Text key={hour} size="xs" c="dimmed" className={classes.hour} style={{ top: (hour - firstHour) * HOUR_PX }}>
                  {String(hour).padStart(2, '0')}:00
                </Text>
              ))}
            </div>
            {professionals.map((name) => (
              <ul key={name} className={classes.column} style={{ height: hours.length * HOUR_PX }} aria-label={name}>
                {spans
                  .filter((span) => span.item.professional_name === name)
                  .map(({ item, from, to }) => (
                    <li
                      key={item.booking_id}
                      className={classes.event}
                      data-status={item.status}
                      style={{ top: top(from), height: Math.max(top(to) - top(from) - 2, 34) }}
                    >
                      <Text size="xs" fw={700} lh={1.2} truncate>
                        {format.time(item.start)} {item.customer_name ?? t('inbox.unknownCustomer')}
                      </Text>
                      <Group gap={4} wrap="nowrap">
                        <Text size="xs" lh={1.2} truncate>
                          {item.service_name}
                        </Text>
                        {item.status !== 'CONFIRMED' && (
                          <Badge size="xs" color={statusColor[item.status] ?? 'gray'} variant="filled">
                            {t(`dashboard.status.${item.status}`, item.status)}
                          </Badge>
                        )}
                      </Group>
                    </li>
                  ))}
              </ul>
            ))}
          </div>
        </ScrollArea>
      )}
    </Card>
  );
}
