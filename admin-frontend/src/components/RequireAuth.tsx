import type { ReactNode } from 'react';
import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@/lib/api/types';
import { hasRole, useAuth } from '@/lib/auth/auth';

/** Sends a visitor without a session to sign-in, remembering the page to come back to. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** Superadmin-only pages (the projects list). */
export function RequireSuperadmin() {
  return <RequireRole minimum="staff" superadmin />;
}

export function RequireRole({ minimum, superadmin = false }: { minimum: Role; superadmin?: boolean }) {
  const { me, meLoading } = useAuth();
  const { t } = useTranslation();
  if (meLoading || !me) {
    return (
      <Center h={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (!hasRole(me.role, minimum) || (superadmin && !me.superadmin)) {
    return (
      <Stack align="center" mt="xl" gap="xs">
        <Title order={1} size="h2">
          {t('errors.forbiddenTitle')}
        </Title>
        <Text c="dimmed">{t('errors.forbiddenText')}</Text>
      </Stack>
    );
  }
  return <Outlet />;
}
