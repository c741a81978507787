import { Alert, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProjectSettings } from '@/lib/project/settings';
import { FlowForm } from '../components/FlowForm';
import { PromptVersions } from '../components/PromptVersions';

/** Owner-only: the conversation flow and the system prompt with its versions. */
export function FlowsRoute() {
  const { t } = useTranslation();
  const settings = useProjectSettings();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('flows.title')}
      </Title>
      {settings.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {settings.isError && <Alert color="red">{t('errors.generic')}</Alert>}
      {settings.data && (
        <>
          <FlowForm key={JSON.stringify(settings.data.settings.flow)} settings={settings.data} />
          <PromptVersions key={settings.data.settings.flow?.system_prompt ?? ''} settings={settings.data} />
        </>
      )}
    </Stack>
  );
}
