import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLogout, IconRefresh } from '@tabler/icons-react';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import type { WhatsAppConnection } from '@/lib/api/types';
import { useFailureNotice } from '@/lib/notices';
import { useConnection, useLogout, usePairingCode, useReconnect } from '../api/whatsapp';

// dark shades under white text (WCAG AA contrast in every state)
const COLORS: Record<string, string> = {
  connected: 'teal.9',
  connecting: 'blue.9',
  needs_qr: 'indigo.9',
  needs_pairing_code: 'indigo.9',
  disconnected: 'red.9',
  logged_out: 'red.9',
  banned: 'red.9',
  standby: 'gray.8',
};

/** WhatsApp shows pairing codes as two groups of four. */
export function formatPairingCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** The project's WhatsApp number: provider, honest state, the live QR or pairing code, and the login actions. */
export function ConnectionCard() {
  const { t } = useTranslation();
  const connection = useConnection();
  if (connection.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (connection.error instanceof ApiError && connection.error.status === 404) {
    return <Alert color="gray">{t('whatsapp.notConfigured')}</Alert>;
  }
  if (connection.isError || !connection.data) {
    return (
      <Alert color="red" title={t('whatsapp.unreachable')}>
        {connection.error instanceof Error ? connection.error.message : ''}
      </Alert>
    );
  }
  return <ConnectionView connection={connection.data} />;
}

function ConnectionView({ connection }: { connection: WhatsAppConnection }) {
  const { t } = useTranslation();
  const canManage = connection.can_manage === true;
  const state = connection.state;
  return (
    <Card>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4">
            {t('whatsapp.connection')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('whatsapp.provider', { provider: t(`whatsapp.providers.${connection.provider}`, connection.provider) })}
          </Text>
          {connection.phone_number && (
            <Text size="sm" data-testid="whatsapp-number">
              {t('whatsapp.number', { number: connection.phone_number })}
            </Text>
          )}
        </div>
        <Badge color={COLORS[state] ?? 'gray.8'} size="lg" data-testid="whatsapp-state">
          {t(`whatsapp.states.${state}`, state)}
        </Badge>
      </Group>
      <Text size="sm" mt="xs">
        {t(`whatsapp.hints.${state}`, '')}
      </Text>
      {connection.qr_code && (
        <Stack align="center" my="md">
          <div data-testid="whatsapp-qr" data-qr={connection.qr_code}>
            <QRCodeSVG value={connection.qr_code} size={264} marginSize={4} role="img" aria-label={t('whatsapp.qrImage')} />
          </div>
          <Text size="sm" c="dimmed">
            {t('whatsapp.qrRotates')}
          </Text>
        </Stack>
      )}
      {connection.pairing_code && (
        <Stack align="center" my="md" gap={4}>
          <Text size="sm">{t('whatsapp.pairingCodeIs')}</Text>
          <Text ff="monospace" fz={32} fw={700} data-testid="whatsapp-pairing-code">
            {formatPairingCode(connection.pairing_code)}
          </Text>
        </Stack>
      )}
      {!canManage && state !== 'connected' && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('whatsapp.askAnAdmin')}
        </Text>
      )}
      {canManage && <Actions connection={connection} />}
    </Card>
  );
}

function Actions({ connection }: { connection: WhatsAppConnection }) {
  const { t } = useTranslation();
  const reconnect = useReconnect();
  const logout = useLogout();
  const pairing = usePairingCode();
  const [confirm, setConfirm] = useState(false);
  const [phone, setPhone] = useState('');
  const failed = useFailureNotice();
  const loggedIn = connection.state === 'connected';
  const canPair = connection.state === 'needs_qr' || connection.state === 'needs_pairing_code';
  return (
    <Stack mt="md">
      <Group>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={reconnect.isPending}
          onClick={() => reconnect.mutate(undefined, { onError: failed })}
        >
          {t('whatsapp.reconnect')}
        </Button>
        {connection.state !== 'logged_out' && (
          <Button color="red" variant="light" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => setConfirm(true)}>
            {t('whatsapp.logout')}
          </Button>
        )}
      </Group>
      {canPair && !loggedIn && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            pairing.mutate(phone, { onError: failed });
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('whatsapp.pairingPhone')}
              description={t('whatsapp.pairingPhoneHint')}
              placeholder="+54 9 11 5555 0101"
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              required
              error={pairing.error instanceof ApiError && pairing.error.status === 400 ? pairing.error.message : undefined}
            />
            <Button type="submit" variant="default" loading={pairing.isPending}>
              {t('whatsapp.getPairingCode')}
            </Button>
          </Group>
        </form>
      )}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('whatsapp.logoutTitle')} centered>
        <Text size="sm">{t('whatsapp.logoutBody')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={logout.isPending}
            onClick={() =>
              logout.mutate(undefined, {
                onError: failed,
                onSettled: () => setConfirm(false),
              })
            }
          >
            {t('whatsapp.logoutConfirm')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
