import { Alert, Button, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import { useFailureNotice } from '@/lib/notices';
import { useFailedMessages, useRetryFailed } from '../api/whatsapp';

/** Patient messages the gateway gave up on (the patient was told it could not be processed), with re-queue. */
export function FailedMessagesCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const actionFailed = useFailureNotice();
  const format = useFormat();
  const failed = useFailedMessages();
  const retry = useRetryFailed();
  const requeue = (ids: number[]) =>
    retry.mutate(ids, {
      onSuccess: (answer) =>
        notifications.show({ color: 'green', message: t('whatsapp.failed.requeued', { count: answer.requeued.length }) }),
      onError: actionFailed,
    });
  const rows = failed.data ?? [];
  return (
    <Card>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('whatsapp.failed.title')}
        </Title>
        {canManage && rows.length > 1 && (
          <Button size="xs" variant="default" loading={retry.isPending} onClick={() => requeue([])}>
            {t('whatsapp.failed.retryAll')}
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm" mb="sm">
        {t('whatsapp.failed.hint')}
      </Text>
      {failed.isLoading ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : failed.isError ? (
        <Alert color="red">{failed.error instanceof Error ? failed.error.message : t('errors.generic')}</Alert>
      ) : rows.length === 0 ? (
        <Text size="sm">{t('whatsapp.failed.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('whatsapp.failed.received')}</Table.Th>
                <Table.Th>{t('whatsapp.failed.from')}</Table.Th>
                <Table.Th>{t('whatsapp.failed.text')}</Table.Th>
                <Table.Th>{t('whatsapp.failed.error')}</Table.Th>
                {canManage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{format.when(row.received_at)}</Table.Td>
                  <Table.Td>+{row.from_number}</Table.Td>
                  <Table.Td>{row.text}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t('whatsapp.failed.attempts', { count: row.attempts })} · {row.last_error}
                    </Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('whatsapp.failed.retryOne', { from: `+${row.from_number}` })}
                        onClick={() => requeue([row.id])}
                      >
                        {t('whatsapp.failed.retry')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
