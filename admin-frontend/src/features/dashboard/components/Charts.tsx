import type { ReactNode } from 'react';
import { Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardStats } from '@/lib/api/types';
import { useFormat } from '@/lib/format';

const teal = '#099268';
const indigo = '#4263eb';
const grape = '#ae3ec9';

/**
 * A chart with its heading; the figures are also in a visually hidden summary for screen readers, so the
 * drawing is hidden from them and kept out of the tab order (no keyboard layer, no focusable sectors).
 */
function ChartCard({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <Card h="100%">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <Text className="visually-hidden">{summary}</Text>
      <div aria-hidden style={{ width: '100%', height: 240 }}>
        {children}
      </div>
    </Card>
  );
}

export function MessagesPerHourChart({ data }: { data: DashboardStats['messages_per_hour'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = data.map((row) => ({ ...row, label: format.hour(row.hour) }));
  const inbound = data.reduce((sum, row) => sum + row.inbound, 0);
  const outbound = data.reduce((sum, row) => sum + row.outbound, 0);
  return (
    <ChartCard title={t('dashboard.messagesPerHour')} summary={t('dashboard.messagesSummary', { inbound, outbound })}>
      <ResponsiveContainer>
        <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, left: -20, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={2} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar isAnimationActive={false} dataKey="inbound" name={t('dashboard.inbound')} stackId="m" fill={indigo} radius={[0, 0, 0, 0]} />
          <Bar isAnimationActive={false} dataKey="outbound" name={t('dashboard.outbound')} stackId="m" fill={teal} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function BookingsPerDayChart({ data }: { data: DashboardStats['bookings_per_day'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = data.map((row) => ({ ...row, label: format.day(`${row.date}T12:00:00Z`) }));
  const total = data.reduce((sum, row) => sum + row.count, 0);
  return (
    <ChartCard title={t('dashboard.bookingsPerDay')} summary={t('dashboard.bookingsSummary', { count: total })}>
      <ResponsiveContainer>
        <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, left: -20, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={4} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="count" name={t('dashboard.bookings')} fill={grape} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function BotShareChart({ bot, staff }: { bot: number; staff: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = bot + staff;
  const data = [
    { name: t('dashboard.byBot'), value: bot, color: teal },
    { name: t('dashboard.byStaff'), value: staff, color: indigo },
  ];
  return (
    <ChartCard
      title={t('dashboard.botVsStaff')}
      summary={t('dashboard.botShareSummary', { bot: format.percent(total ? bot / total : 0) })}
    >
      {total === 0 ? (
        <Group h="100%" justify="center">
          <Text c="dimmed" size="sm">
            {t('dashboard.noReplies')}
          </Text>
        </Group>
      ) : (
        <ResponsiveContainer>
          <PieChart accessibilityLayer={false}>
            <Pie isAnimationActive={false} rootTabIndex={-1} data={data} dataKey="value" nameKey="name" innerRadius={55} outerRadius={85} paddingAngle={2}>
              {data.map((entry) => (
                <Cell key={entry.name} fill={entry.color} />
              ))}
            </Pie>
            <Tooltip formatter={(value) => `${value} (${format.percent(Number(value) / total)})`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
          </PieChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
