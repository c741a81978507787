import { Alert, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProjectSettings } from '@/lib/project/settings';
import { ApiKeysCard } from '../components/ApiKeysCard';
import { ProjectForm } from '../components/ProjectForm';
import { OrderHookCard } from '../components/OrderHookCard';
import { WebhookSecretCard } from '../components/WebhookSecretCard';
import { UsersCard } from '@/features/users/components/UsersCard';

/** Owner-only: the project's settings, API keys, the webhook secret, the orders hook and the console users. */
export function SettingsRoute() {
  const { t } = useTranslation();
  const settings = useProjectSettings();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      {settings.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {settings.isError && <Alert color="red">{t('errors.generic')}</Alert>}
      {settings.data && <ProjectForm key={JSON.stringify(settings.data)} settings={settings.data} />}
      <ApiKeysCard />
      <WebhookSecretCard />
      <OrderHookCard />
      <UsersCard />
    </Stack>
  );
}
