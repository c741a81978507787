import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/problem';
import type { ConsoleUser, Role } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';
import { useFormat } from '@/lib/format';
import { ConfirmModal } from '@/features/settings/components/SecretModal';
import { inviteLink, useChangeRole, useConsoleUsers, useInviteUser, useRenewInvitation, useSetActive } from '../api/users';

const roles: Role[] = ['owner', 'admin', 'staff'];

/** The project's console users: invite (a link shown once, or a Cognito e-mail), role, deactivate. */
export function UsersCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const projectId = useAuth().project?.project_id ?? '';
  const users = useConsoleUsers(projectId || undefined);
  const invite = useInviteUser(projectId);
  const changeRole = useChangeRole(projectId);
  const setActive = useSetActive(projectId);
  const renew = useRenewInvitation(projectId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [deactivating, setDeactivating] = useState<ConsoleUser | null>(null);

  const failed = (error: unknown) => {
    const slug = error instanceof ApiError ? String(error.problem.type ?? '').split('/').pop() : '';
    const message =
      slug === 'last-owner'
        ? t('users.lastOwner')
        : slug === 'user-exists'
          ? t('users.exists')
          : error instanceof ApiError && error.status === 400
            ? t('users.invalid')
            : error instanceof Error
              ? error.message
              : '';
    notifications.show({ color: 'red', title: t('errors.actionFailed'), message });
  };

  return (
    <Card>
      <Title order={2} size="h5" mb="sm">
        {t('users.title')}
      </Title>
      <Group
        component="form"
        align="flex-end"
        mb="md"
        aria-label={t('users.inviteForm')}
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate(
            { email: email.trim(), role },
            {
              onSuccess: (invitation) => {
                setEmail('');
                if (invitation.invite_token) {
                  setLink({ email: invitation.user.email, url: inviteLink(invitation.invite_token) });
                } else {
                  notifications.show({ color: 'teal', message: t('users.cognitoInvited', { email: invitation.user.email }) });
                }
              },
              onError: failed,
            },
          );
        }}
      >
        <TextInput
          label={t('users.email')}
          type="email"
          required
          maxLength={320}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          style={{ flex: 1, maxWidth: 360 }}
        />
        <Select
          label={t('users.role')}
          data={roles.map((value) => ({ value, label: t(`users.roles.${value}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
          allowDeselect={false}
          w={160}
        />
        <Button type="submit" leftSection={<IconUserPlus size={16} aria-hidden />} loading={invite.isPending} disabled={!email.trim()}>
          {t('users.invite')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {users.data?.delivery === 'cognito' ? t('users.deliveryCognito') : t('users.deliveryLink')}
      </Text>
      {users.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {users.isError && <Alert color="red">{t('errors.generic')}</Alert>}
      {users.data && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('users.since')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('settings.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t('users.roleOf', { email: user.email })}
                    data={roles.map((value) => ({ value, label: t(`users.roles.${value}`) }))}
                    value={user.role}
                    allowDeselect={false}
                    disabled={user.status === 'deactivated' || changeRole.isPending}
                    onChange={(value) =>
                      value && value !== user.role && changeRole.mutate({ userId: user.id, role: value as Role }, { onError: failed })
                    }
                    w={130}
                  />
                </Table.Td>
                <Table.Td>
                  <Badge color={user.status === 'active' ? 'teal' : user.status === 'invited' ? 'yellow' : 'gray'} variant="light">
                    {t(`users.statuses.${user.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{format.when(user.created_at)}</Table.Td>
                <Table.Td ta="right">
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {user.status === 'invited' && users.data.delivery === 'link' && (
                      <Button
                        size="xs"
                        variant="subtle"
                        loading={renew.isPending && renew.variables === user.id}
                        onClick={() =>
                          renew.mutate(user.id, {
                            onSuccess: (invitation) =>
                              invitation.invite_token && setLink({ email: user.email, url: inviteLink(invitation.invite_token) }),
                            onError: failed,
                          })
                        }
                        aria-label={t('users.newLinkFor', { email: user.email })}
                      >
                        {t('users.newLink')}
                      </Button>
                    )}
                    {user.status === 'deactivated' ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setActive.mutate({ userId: user.id, active: true }, { onError: failed })}
                        aria-label={t('users.reactivateUser', { email: user.email })}
                      >
                        {t('users.reactivate')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setDeactivating(user)}
                        aria-label={t('users.deactivateUser', { email: user.email })}
                      >
                        {t('users.deactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <InviteLinkModal link={link} onClose={() => setLink(null)} />
      <ConfirmModal
        opened={deactivating !== null}
        title={t('users.deactivateTitle')}
        text={t('users.deactivateText', { email: deactivating?.email ?? '' })}
        action={t('users.deactivate')}
        busy={setActive.isPending}
        onClose={() => setDeactivating(null)}
        onConfirm={() =>
          deactivating &&
          setActive.mutate(
            { userId: deactivating.id, active: false },
            { onSuccess: () => setDeactivating(null), onError: (error) => (setDeactivating(null), failed(error)) },
          )
        }
      />
    </Card>
  );
}

/** The set-password link, shown once with a copy button. */
function InviteLinkModal({ link, onClose }: { link: { email: string; url: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={link !== null} onClose={onClose} title={t('users.linkTitle')} size="lg" centered>
      <Stack>
        <Alert color="yellow" variant="light">
          {t('users.linkShownOnce', { email: link?.email ?? '' })}
        </Alert>
        <Group gap="xs" wrap="nowrap">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="invite-link">
            {link?.url}
          </Code>
          <CopyButton value={link?.url ?? ''}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('settings.copied') : t('settings.copy')} withArrow>
                <ActionIcon variant="light" color={copied ? 'teal' : 'gray'} size="lg" onClick={copy} aria-label={t('settings.copy')}>
                  {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('settings.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
