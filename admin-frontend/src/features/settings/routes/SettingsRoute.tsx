import { Alert, Badge, Card, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import { useApiKeys, useProjectSettings } from '../api/settings';

/** Owner-only: the project's identity and its API keys (editing arrives with the settings issue). */
export function SettingsRoute() {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useProjectSettings();
  const keys = useApiKeys();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Card>
        <Title order={2} size="h5" mb="sm">
          {t('settings.project')}
        </Title>
        {settings.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {settings.isError && <Alert color="red">{t('errors.generic')}</Alert>}
        {settings.data && (
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            {(
              [
                ['settings.id', settings.data.id],
                ['settings.name', settings.data.name],
                ['settings.timeZone', settings.data.time_zone],
                ['settings.locale', settings.data.locale],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {t(label)}
                </Text>
                <Text>{value}</Text>
              </div>
            ))}
          </SimpleGrid>
        )}
      </Card>
      <Card>
        <Title order={2} size="h5" mb="sm">
          {t('settings.apiKeys')}
        </Title>
        {keys.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {keys.isError && <Alert color="red">{t('errors.generic')}</Alert>}
        {keys.data && (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.keyName')}</Table.Th>
                <Table.Th>{t('settings.keyPrefix')}</Table.Th>
                <Table.Th>{t('settings.keyCreated')}</Table.Th>
                <Table.Th>{t('settings.keyStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.map((key) => (
                <Table.Tr key={key.id}>
                  <Table.Td>{key.name}</Table.Td>
                  <Table.Td>
                    <code>{key.prefix}…</code>
                  </Table.Td>
                  <Table.Td>{key.created_at ? format.when(key.created_at) : ''}</Table.Td>
                  <Table.Td>
                    <Badge color={key.revoked_at ? 'gray' : 'teal'} variant="light">
                      {key.revoked_at ? t('settings.revoked') : t('settings.active')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
