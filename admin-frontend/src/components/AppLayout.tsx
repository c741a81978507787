import { useEffect } from 'react';
import {

  AppShell,
  Avatar,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,

  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout, IconMessageChatbot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { navigation } from '@/app/navigation';
import { useConversations } from '@/features/inbox/api/conversations';
import { hasRole, useAuth } from '@/lib/auth/auth';
import { followProjectLocale } from '@/lib/i18n';
import { LiveEventsProvider, useLiveStatus } from '@/lib/live/events';
import { LanguageSwitch } from './LanguageSwitch';
import { NeedsHumanAlerts, NotificationPermissionButton } from './NeedsHumanAlerts';
import { ProjectSwitcher } from './ProjectSwitcher';

function LiveIndicator() {
  const status = useLiveStatus();
  const { t } = useTranslation();
  const color = status === 'open' ? 'teal' : status === 'connecting' ? 'yellow' : 'red';
  return (
    <Badge variant="dot" color={color} size="md" aria-live="polite">
      {t(`live.${status}`)}
    </Badge>
  );
}

function UnreadBadge() {
  const { data } = useConversations({});
  const unread = data?.items.reduce((sum, item) => sum + item.unread_count, 0) ?? 0;
  const { t } = useTranslation();
  if (!unread) return null;
  return (
    <Badge size="sm" circle={unread < 10} color="red" aria-label={t('inbox.unreadCount', { count: unread })}>
      {unread}
    </Badge>
  );
}

export function AppLayout() {
  const { me, project, signOut } = useAuth();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();

  useEffect(() => followProjectLocale(project?.locale), [project?.locale]);
  useEffect(close, [location.pathname, close]);

  const items = navigation.filter(
    (item) => hasRole(me?.role, item.minimum) && (!('superadmin' in item) || me?.superadmin === true),
  );
  return (
    <LiveEventsProvider projectId={project?.project_id}>
      <NeedsHumanAlerts />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
              <IconMessageChatbot size={28} color="var(--mantine-color-teal-8)" aria-hidden />
              <Text fw={700} size="lg" visibleFrom="xs">
                {t('app.name')}
              </Text>
              {project && (
                <Text c="dimmed" size="sm" visibleFrom="md">
                  {project.name}
                </Text>
              )}
            </Group>
            <Group gap="sm" wrap="nowrap">
              <ProjectSwitcher />
              <LiveIndicator />
              <NotificationPermissionButton />
              <LanguageSwitch />
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <UnstyledButton aria-label={t('nav.account')}>
                    <Avatar color="teal" radius="xl" size={34}>
                      {(me?.email ?? '?').slice(0, 1).toUpperCase()}
                    </Avatar>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    {me?.email} · {me ? t(`roles.${me.role}`) : ''}
                  </Menu.Label>
                  <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
                    {t('auth.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              label={t(item.label)}
              leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
              rightSection={item.to === '/inbox' ? <UnreadBadge /> : null}
              active={location.pathname.startsWith(item.to)}
              variant="light"
              fw={500}
            />
          ))}
          <Text size="xs" c="dimmed" mt="auto" px="sm">
            {me ? t(`roles.${me.role}`) : ''}
            {me?.superadmin ? ` · ${t('roles.superadmin')}` : ''}
          </Text>
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </LiveEventsProvider>
  );
}

