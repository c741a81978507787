import { Alert, Badge, Card, Loader, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import type { WhatsAppRecentMessage } from '@/lib/api/types';
import { useRecentMessages } from '../api/whatsapp';

const COLORS: Record<string, string> = { read: 'green', delivered: 'teal', sent: 'blue', failed: 'red', pending: 'gray' };

/** What WhatsApp last said about a message: its delivery status once sent, else the gateway's own status. */
export function deliveryOf(message: WhatsAppRecentMessage): string {
  if (message.status === 'failed') return 'failed';
  return message.delivery_status ?? (message.status === 'sent' ? 'sent' : 'pending');
}

/** The latest messages sent to patients, with their delivery status. */
export function RecentMessagesCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const recent = useRecentMessages();
  const rows = recent.data ?? [];
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        {t('whatsapp.recent.title')}
      </Title>
      {recent.isLoading ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : recent.isError ? (
        <Alert color="red">{recent.error instanceof Error ? recent.error.message : t('errors.generic')}</Alert>
      ) : rows.length === 0 ? (
        <Text size="sm">{t('whatsapp.recent.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('whatsapp.recent.created')}</Table.Th>
                <Table.Th>{t('whatsapp.recent.to')}</Table.Th>
                <Table.Th>{t('whatsapp.recent.kind')}</Table.Th>
                <Table.Th>{t('whatsapp.recent.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => {
                const status = deliveryOf(m);
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td>{format.when(m.created_at)}</Table.Td>
                    <Table.Td>+{m.to_number}</Table.Td>
                    <Table.Td>{t(`whatsapp.kinds.${m.kind}`, m.kind)}</Table.Td>
                    <Table.Td>
                      <Badge color={COLORS[status] ?? 'gray'} variant="light">
                        {t(`whatsapp.delivery.${status}`, status)}
                      </Badge>
                      {m.error_code && (
                        <Text size="xs" c="dimmed">
                          {m.error_code}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
