import { useState } from 'react';
import { Badge, Button, Card, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFailureNotice } from '@/lib/notices';
import { useOrderHook, useRemoveOrderHook, useSaveOrderHook } from '../api/orderHook';

/**
 * The shop's orders and claims hook: the HTTPS URL the assistant calls and the secret it signs with. The secret is
 * write-only: the API only says whether one is set, and an empty field keeps it.
 */
export function OrderHookCard() {
  const hook = useOrderHook();
  if (!hook.data) return null;
  return <OrderHookForm key={`${hook.data.url ?? ''}|${hook.data.secret_set}`} url={hook.data.url} secretSet={hook.data.secret_set} />;
}

function OrderHookForm({ url, secretSet }: { url: string | null; secretSet: boolean }) {
  const { t } = useTranslation();
  const failed = useFailureNotice();
  const save = useSaveOrderHook();
  const remove = useRemoveOrderHook();
  const [address, setAddress] = useState(url ?? '');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<'url' | 'secret' | null>(null);
  const configured = Boolean(url) && secretSet;

  const submit = () => {
    if (!/^https?:\/\/\S+$/.test(address.trim())) {
      setError('url');
      return;
    }
    if (!secretSet && secret.trim().length < 16) {
      setError('secret');
      return;
    }
    setError(null);
    save.mutate(
      { url: address.trim(), ...(secret.trim() ? { secret: secret.trim() } : {}) },
      {
        onSuccess: () => {
          setSecret('');
          notifications.show({ color: 'teal', message: t('settings.orderHookSaved') });
        },
        onError: failed,
      },
    );
  };

  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t('settings.orderHook')}
        </Title>
        <Badge color={configured ? 'teal' : 'gray'} variant="light">
          {configured ? t('settings.orderHookOn') : t('settings.orderHookOff')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" maw={720} mb="sm">
        {t('settings.orderHookText')}
      </Text>
      <Stack gap="sm" maw={560}>
        <TextInput
          label={t('settings.orderHookUrl')}
          placeholder="https://shop.example.com/ai-hook"
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={error === 'url' ? t('settings.orderHookUrlInvalid') : undefined}
        />
        <PasswordInput
          label={t('settings.orderHookSecret')}
          description={secretSet ? t('settings.orderHookSecretKept') : t('settings.orderHookSecretHelp')}
          value={secret}
          autoComplete="new-password"
          onChange={(e) => setSecret(e.currentTarget.value)}
          error={error === 'secret' ? t('settings.orderHookSecretNeeded') : undefined}
        />
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            {t('settings.orderHookSave')}
          </Button>
          {(url || secretSet) && (
            <Button
              variant="default"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onError: failed })}
            >
              {t('settings.orderHookRemove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
