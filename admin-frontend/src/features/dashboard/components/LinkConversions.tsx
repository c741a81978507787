import { Card, Progress, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LinkConversions as LinkConversionsData } from '@/lib/api/types';
import { useFormat } from '@/lib/format';

/**
 * Which activation links (wa.me/<number>?text=CODE) lead to bookings: per code, how often it was opened, by how many
 * patients, and how many of them booked within the window after opening it (mcp-booking-log's link_stats).
 */
export function LinkConversions({ data }: { data: LinkConversionsData }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card h="100%">
      <Title order={2} size="h4">
        {t('dashboard.links.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dashboard.links.summary', { days: data.within_days })}
      </Text>
      {!data.available ? (
        <Text c="dimmed" role="status">
          {t('dashboard.links.unavailable')}
        </Text>
      ) : data.links.length === 0 ? (
        <Text c="dimmed">{t('dashboard.links.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table aria-label={t('dashboard.links.title')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.links.code')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.links.accesses')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.links.patients')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.links.booked')}</Table.Th>
                <Table.Th>{t('dashboard.links.conversion')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.links.map((link) => (
                <Table.Tr key={link.code}>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {link.code}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{link.accesses}</Table.Td>
                  <Table.Td ta="right">{link.patients}</Table.Td>
                  <Table.Td ta="right">{link.booked}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.percent(link.conversion_rate)}</Text>
                    <Progress
                      value={link.conversion_rate * 100}
                      size="sm"
                      color="grape"
                      aria-label={t('dashboard.links.conversionOf', { code: link.code })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
