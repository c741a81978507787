import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconEraser, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '@/lib/api/client';
import type { Booking, CustomerProfile as Profile, MemoryItem } from '@/lib/api/types';
import { hasRole, useAuth } from '@/lib/auth/auth';
import { useFormat } from '@/lib/format';
import { useFailureNotice } from '@/lib/notices';
import { useCustomer, useEraseCustomer, useExportCustomer, useForgetMemory } from '../api/customers';
import { ClaimsCard } from './ClaimsCard';

const ACTIVE = new Set(['HELD', 'CONFIRMED']);

/** One patient: who they are, their bookings, conversations, what the assistant remembers, and their data requests. */
export function CustomerProfile({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const profile = useCustomer(customerId);
  if (profile.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (profile.error instanceof ApiError && profile.error.status === 404) {
    return <Alert color="gray">{t('customers.notFound')}</Alert>;
  }
  if (profile.isError || !profile.data) return <Alert color="red">{t('errors.generic')}</Alert>;
  return <ProfileView profile={profile.data} />;
}

function ProfileView({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useAuth();
  const canManage = hasRole(me?.role, 'admin');
  const customer = profile.customer;
  const now = Date.now();
  const upcoming = profile.bookings.filter((b) => ACTIVE.has(b.status) && Date.parse(b.end) > now);
  const past = profile.bookings.filter((b) => !upcoming.includes(b)).reverse();

  return (
    <Stack>
      <Card>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3">
              {customer.name ?? customer.phone ?? customer.customer_id}
            </Title>
            <Text c="dimmed" size="sm">
              {customer.phone ?? customer.customer_id}
              {customer.channels.length > 0 && ` · ${customer.channels.map((c) => t(`channels.${c}`, c)).join(', ')}`}
            </Text>
          </div>
          {canManage && <DataRequests customerId={customer.customer_id} name={customer.name ?? customer.customer_id} />}
        </Group>
      </Card>

      <Card>
        <Title order={3} size="h5" mb="sm">
          {t('customers.upcoming')}
        </Title>
        <Bookings bookings={upcoming} empty={t('customers.noUpcoming')} />
        <Title order={3} size="h5" my="sm">
          {t('customers.past')}
        </Title>
        <Bookings bookings={past} empty={t('customers.noPast')} />
      </Card>

      <Card>
        <Title order={3} size="h5" mb="sm">
          {t('customers.conversations')}
        </Title>
        {profile.conversations.length === 0 ? (
          <Text c="dimmed">{t('customers.noConversations')}</Text>
        ) : (
          <Stack gap="xs">
            {profile.conversations.map((c) => (
              <Group key={c.id} justify="space-between" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/inbox/${encodeURIComponent(c.id)}`}>
                    {t(`channels.${c.channel}`, c.channel)} · {format.when(c.updated_at)}
                  </Anchor>
                  {c.last_message && (
                    <Text size="sm" c="dimmed" truncate>
                      {c.last_message}
                    </Text>
                  )}
                </div>
                <Badge variant="light" style={{ flexShrink: 0 }}>{t('customers.messages', { count: c.messages })}</Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      <Memory customerId={customer.customer_id} memory={profile.memory} canManage={canManage} />

      <ClaimsCard customerId={customer.customer_id} />

      <Card>
        <Title order={3} size="h5" mb="sm">
          {t('customers.audit')}
        </Title>
        {profile.audit.length === 0 ? (
          <Text c="dimmed">{t('customers.noAudit')}</Text>
        ) : (
          <Stack gap={4}>
            {profile.audit.map((entry) => (
              <Text key={entry.id} size="sm">
                {format.dayTime(entry.created_at)} · {t(`customers.action.${entry.action}`, { ...entry.details })} · {entry.actor.replace(/^staff:/, '')}
              </Text>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

function Bookings({ bookings, empty }: { bookings: Booking[]; empty: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (bookings.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('customers.when')}</Table.Th>
          <Table.Th>{t('customers.service')}</Table.Th>
          <Table.Th>{t('customers.professional')}</Table.Th>
          <Table.Th>{t('customers.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bookings.map((b) => (
          <Table.Tr key={b.id}>
            <Table.Td>
              <Anchor component={Link} to={`/calendar?view=day&date=${b.local_start.slice(0, 10)}`}>
                {format.dayTime(b.start)}
              </Anchor>
            </Table.Td>
            <Table.Td>{b.service_name ?? b.service_id}</Table.Td>
            <Table.Td>{b.professional_name ?? b.professional_id}</Table.Td>
            <Table.Td>{t(`calendar.status.${b.status}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Memory({ customerId, memory, canManage }: { customerId: string; memory: MemoryItem[]; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const forget = useForgetMemory(customerId);
  const failed = useFailureNotice();
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('customers.memory')}
        </Title>
        {canManage && memory.length > 1 && (
          <Button size="xs" variant="subtle" color="red" loading={forget.isPending && forget.variables === null}
            onClick={() => forget.mutate(null, { onError: failed })}>
            {t('customers.forgetAll')}
          </Button>
        )}
      </Group>
      {memory.length === 0 ? (
        <Text c="dimmed">{t('customers.noMemory')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.key')}</Table.Th>
              <Table.Th>{t('customers.value')}</Table.Th>
              <Table.Th>{t('customers.expires')}</Table.Th>
              {canManage && (
                <Table.Th>
                  <span className="visually-hidden">{t('customers.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {memory.map((item) => (
              <Table.Tr key={item.key}>
                <Table.Td>
                  <code>{item.key}</code>
                </Table.Td>
                <Table.Td>{item.value}</Table.Td>
                <Table.Td>{format.dayTime(item.expires_at)}</Table.Td>
                {canManage && (
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      loading={forget.isPending && forget.variables === item.key}
                      aria-label={t('customers.forgetItem', { key: item.key })}
                      onClick={() => forget.mutate(item.key, { onError: failed })}
                    >
                      {t('customers.forget')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** Export (a JSON download) and erase, the patient's rights of access and erasure. */
function DataRequests({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const exporter = useExportCustomer();
  const erase = useEraseCustomer();
  const [asking, setAsking] = useState(false);
  const failed = useFailureNotice();
  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        loading={exporter.isPending}
        onClick={() =>
          exporter.mutate(customerId, {
            onSuccess: (file) => notifications.show({ color: 'teal', message: t('customers.exported', { file }) }),
            onError: failed,
          })
        }
      >
        {t('customers.export')}
      </Button>
      <Button color="red" variant="light" leftSection={<IconEraser size={16} aria-hidden />} onClick={() => setAsking(true)}>
        {t('customers.erase')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('customers.eraseTitle', { name })} centered>
        <Stack>
          <Text size="sm">{t('customers.eraseText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={erase.isPending}
              onClick={() =>
                erase.mutate(customerId, {
                  onSuccess: (result) => {
                    setAsking(false);
                    notifications.show({
                      color: 'teal',
                      title: t('customers.erased'),
                      message: t('customers.erasedText', {
                        conversations: result.conversations,
                        messages: result.messages,
                        bookings: result.bookings,
                      }),
                    });
                    void navigate('/customers');
                  },
                  onError: failed,
                })
              }
            >
              {t('customers.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
