import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconBrandGoogle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import { useFailureNotice } from '@/lib/notices';
import { browser, useConnectGoogleCalendar, useDisconnectGoogleCalendar, useGoogleCalendar } from '../api/googleCalendar';

/** What Google's redirect told the console (`/catalogue?google=connected|error&reason=…`). */
export type GoogleReturn = { outcome: 'connected' } | { outcome: 'error'; reason: string } | null;

/**
 * A professional's Google Calendar: status (account, last read of busy times, pending writes, last problem);
 * admins and owners connect (the browser goes to Google and comes back here) and disconnect.
 */
export function GoogleCalendarCard({
  professionalId,
  professionalName,
  canEdit,
  returned,
}: {
  professionalId: string;
  professionalName: string;
  canEdit: boolean;
  returned?: GoogleReturn;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const failed = useFailureNotice();
  const status = useGoogleCalendar(professionalId);
  const connect = useConnectGoogleCalendar(professionalId);
  const disconnect = useDisconnectGoogleCalendar(professionalId);
  const [confirming, setConfirming] = useState(false);
  const [unrevoked, setUnrevoked] = useState(false);

  const startConnect = () =>
    connect.mutate(undefined, { onSuccess: (answer) => browser.go(answer.authorization_url), onError: failed });
  const confirmDisconnect = () =>
    disconnect.mutate(undefined, {
      onSuccess: (answer) => {
        setConfirming(false);
        setUnrevoked(!answer.revoked);
      },
      onError: failed,
    });

  const connection = status.data?.connection ?? null;
  return (
    <Card withBorder padding="md" aria-labelledby={`google-${professionalId}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <IconBrandGoogle size={18} aria-hidden />
          <Title order={3} size="h5" id={`google-${professionalId}`}>
            {t('catalogue.google.title')}
          </Title>
          {connection && (
            <Badge color={connection.status === 'CONNECTED' ? 'green' : 'red'} variant="light">
              {connection.status === 'CONNECTED' ? t('catalogue.google.connectedNoAccount') : t('catalogue.google.reconnect')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('catalogue.google.explain')}
        </Text>
        {returned?.outcome === 'connected' && <Alert color="green">{t('catalogue.google.justConnected')}</Alert>}
        {returned?.outcome === 'error' && (
          <Alert color="red">{t('catalogue.google.failed', { reason: returned.reason })}</Alert>
        )}
        {unrevoked && <Alert color="yellow">{t('catalogue.google.revokeUnconfirmed')}</Alert>}
        {!status.data ? (
          status.isError ? (
            <Alert color="red">{t('errors.generic')}</Alert>
          ) : (
            <Loader size="sm" aria-label={t('common.loading')} />
          )
        ) : !status.data.enabled ? (
          <Text size="sm">{t('catalogue.google.disabled')}</Text>
        ) : connection ? (
          <Stack gap={4}>
            <Text size="sm">
              {connection.account
                ? t('catalogue.google.connected', { account: connection.account })
                : t('catalogue.google.connectedNoAccount')}
            </Text>
            <Text size="sm" c="dimmed">
              {connection.last_synced_at
                ? t('catalogue.google.lastSync', { when: format.when(connection.last_synced_at) })
                : t('catalogue.google.neverSynced')}
            </Text>
            {connection.pending_events > 0 && (
              <Text size="sm" c="dimmed">
                {t('catalogue.google.pending', { count: connection.pending_events })}
              </Text>
            )}
            {connection.last_error && (
              <Text size="sm" c="red">
                {t('catalogue.google.error', { error: connection.last_error })}
              </Text>
            )}
            {canEdit && !confirming && (
              <Group gap="xs">
                {connection.status !== 'CONNECTED' && (
                  <Button size="xs" onClick={startConnect} loading={connect.isPending}>
                    {t('catalogue.google.connect')}
                  </Button>
                )}
                <Button size="xs" variant="light" color="red" onClick={() => setConfirming(true)}>
                  {t('catalogue.google.disconnect')}
                </Button>
              </Group>
            )}
            {canEdit && confirming && (
              <Stack gap={4}>
                <Text size="sm">{t('catalogue.google.disconnectConfirm')}</Text>
                <Group gap="xs">
                  <Button size="xs" color="red" onClick={confirmDisconnect} loading={disconnect.isPending}>
                    {t('catalogue.google.disconnect')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        ) : (
          <Stack gap={4}>
            <Text size="sm">{t('catalogue.google.notConnected')}</Text>
            {canEdit && (
              <Group>
                <Button
                  size="xs"
                  leftSection={<IconBrandGoogle size={14} aria-hidden />}
                  onClick={startConnect}
                  loading={connect.isPending}
                  aria-label={t('catalogue.google.connectOf', { name: professionalName })}
                >
                  {t('catalogue.google.connect')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
