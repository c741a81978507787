import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Table, TextInput, Title } from '@mantine/core';
import { IconKey, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import { useFailureNotice } from '@/lib/notices';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '@/lib/project/settings';
import { ConfirmModal, SecretModal } from './SecretModal';

/** API keys: create (the key is shown once), list, revoke. */
export function ApiKeysCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const failed = useFailureNotice();

  return (
    <Card>
      <Title order={2} size="h5" mb="sm">
        {t('settings.apiKeys')}
      </Title>
      <Group
        component="form"
        align="flex-end"
        mb="md"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(name.trim() || 'key', {
            onSuccess: (key) => {
              setCreated(key.key);
              setName('');
            },
            onError: failed,
          });
        }}
      >
        <TextInput
          label={t('settings.newKeyName')}
          placeholder={t('settings.newKeyPlaceholder')}
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          style={{ flex: 1, maxWidth: 360 }}
        />
        <Button type="submit" leftSection={<IconKey size={16} aria-hidden />} loading={create.isPending}>
          {t('settings.createKey')}
        </Button>
      </Group>
      {keys.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {keys.isError && <Alert color="red">{t('errors.generic')}</Alert>}
      {keys.data && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.keyName')}</Table.Th>
              <Table.Th>{t('settings.keyPrefix')}</Table.Th>
              <Table.Th>{t('settings.keyCreated')}</Table.Th>
              <Table.Th>{t('settings.keyLastUsed')}</Table.Th>
              <Table.Th>{t('settings.keyStatus')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('settings.actions')}</span>
              </Table.Th>
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
                <Table.Td>{key.last_used_at ? format.when(key.last_used_at) : t('settings.neverUsed')}</Table.Td>
                <Table.Td>
                  <Badge color={key.revoked_at ? 'gray' : 'teal'} variant="light">
                    {key.revoked_at ? t('settings.revoked') : t('settings.active')}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {!key.revoked_at && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => setRevoking(key)}
                      aria-label={t('settings.revokeKey', { name: key.name })}
                    >
                      {t('settings.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SecretModal title={t('settings.newKeyTitle')} secret={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('settings.revokeTitle')}
        text={t('settings.revokeText', { name: revoking?.name ?? '' })}
        action={t('settings.revoke')}
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => setRevoking(null),
            onError: failed,
          })
        }
      />
    </Card>
  );
}
