import { useState } from 'react';
import { Alert, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowSettings } from '@/lib/api/types';
import { useProjectSettings } from '@/lib/project/settings';
import { FlowForm } from '../components/FlowForm';
import { PromptVersions } from '../components/PromptVersions';
import { TryItPanel } from '../components/TryItPanel';

/** Edits not saved yet, for the saved flow they were made on (a save or a restore starts from the new one). */
interface Drafts {
  savedKey: string;
  form?: FlowSettings;
  prompt?: string;
}

/** Owner-only: the conversation flow, the system prompt with its versions, and "try it" with the unsaved draft. */
export function FlowsRoute() {
  const { t } = useTranslation();
  const settings = useProjectSettings();
  const [drafts, setDrafts] = useState<Drafts>({ savedKey: '' });
  const saved: FlowSettings = settings.data?.settings.flow ?? {};
  const savedKey = JSON.stringify(saved);
  const current = drafts.savedKey === savedKey ? drafts : { savedKey };
  const draft: FlowSettings = {
    ...saved,
    ...current.form,
    system_prompt: current.prompt !== undefined ? current.prompt || undefined : saved.system_prompt,
  };
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('flows.title')}
      </Title>
      {settings.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {settings.isError && <Alert color="red">{t('errors.generic')}</Alert>}
      {settings.data && (
        <>
          <FlowForm key={savedKey} settings={settings.data} onDraftChange={(form) => setDrafts({ ...current, form })} />
          <PromptVersions
            key={settings.data.settings.flow?.system_prompt ?? ''}
            settings={settings.data}
            onDraftChange={(prompt) => setDrafts({ ...current, prompt })}
          />
          <TryItPanel flow={draft} />
        </>
      )}
    </Stack>
  );
}
