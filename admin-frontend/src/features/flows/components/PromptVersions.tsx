import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHistory } from '@tabler/icons-react';
import { diffLines } from 'diff';
import { useTranslation } from 'react-i18next';
import type { ProjectSettings } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import { useFailureNotice } from '@/lib/notices';
import { useSaveSettings } from '@/lib/project/settings';
import { useSettingsHistory } from '../api/history';
import classes from './PromptVersions.module.css';

interface PromptVersion {
  version: number;
  prompt: string;
  changedBy: string;
  changedAt: string;
}

/**
 * The system prompt: edit it, see its versions, diff any two, restore an old one (saved as a new version).
 * `onDraftChange` gets the prompt as edited (for the "try it" panel).
 */
export function PromptVersions({ settings, onDraftChange }: { settings: ProjectSettings; onDraftChange?: (prompt: string) => void }) {
  const { t } = useTranslation();
  const failed = useFailureNotice();
  const format = useFormat();
  const history = useSettingsHistory();
  const save = useSaveSettings();
  const current = settings.settings.flow?.system_prompt ?? '';
  const [draft, setDraftState] = useState(current);
  const setDraft = (prompt: string) => {
    setDraftState(prompt);
    onDraftChange?.(prompt);
  };

  // only the versions where the prompt changed, newest first
  const versions = useMemo<PromptVersion[]>(() => {
    const all = [...(history.data ?? [])].sort((a, b) => a.version - b.version);
    const changed: PromptVersion[] = [];
    for (const entry of all) {
      const prompt = entry.settings.flow?.system_prompt ?? '';
      if (changed.length === 0 || changed.at(-1)!.prompt !== prompt) {
        changed.push({ version: entry.version, prompt, changedBy: entry.changed_by, changedAt: entry.changed_at });
      }
    }
    return changed.reverse();
  }, [history.data]);
  const options = versions.map((v) => ({
    value: String(v.version),
    label: `v${v.version} · ${format.when(v.changedAt)} · ${v.changedBy}`,
  }));
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const left = versions.find((v) => String(v.version) === (from ?? options[1]?.value));
  const right = versions.find((v) => String(v.version) === (to ?? options[0]?.value));
  const parts = left && right ? diffLines(left.prompt, right.prompt) : [];

  const store = (prompt: string) =>
    save.mutate(
      {
        name: settings.name,
        time_zone: settings.time_zone,
        locale: settings.locale,
        settings: { ...settings.settings, flow: { ...settings.settings.flow, system_prompt: prompt || undefined } },
      },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('flows.promptSaved') }),
        onError: failed,
      },
    );

  return (
    <Card aria-labelledby="prompt-title">
      <Title order={2} size="h5" mb="xs" id="prompt-title">
        {t('flows.systemPrompt')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('flows.systemPromptHelp')}
      </Text>
      <Stack>
        <Textarea
          label={t('flows.promptDraft')}
          autosize
          minRows={6}
          maxRows={18}
          maxLength={20000}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          classNames={{ input: classes.mono }}
        />
        <Group justify="flex-end">
          <Button variant="default" disabled={draft === current} onClick={() => setDraft(current)}>
            {t('flows.discard')}
          </Button>
          <Button loading={save.isPending} disabled={draft === current} onClick={() => store(draft)}>
            {t('flows.savePrompt')}
          </Button>
        </Group>

        <Title order={3} size="h6">
          {t('flows.versions')}
        </Title>
        {history.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {history.isError && <Alert color="red">{t('errors.generic')}</Alert>}
        {history.data && versions.length < 2 && <Text size="sm" c="dimmed">{t('flows.noVersions')}</Text>}
        {versions.length >= 2 && left && right && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('flows.compareFrom')} data={options} value={String(left.version)} onChange={setFrom} allowDeselect={false} />
              <Select label={t('flows.compareTo')} data={options} value={String(right.version)} onChange={setTo} allowDeselect={false} />
            </SimpleGrid>
            <pre className={classes.diff} aria-label={t('flows.diffLabel')} tabIndex={0}>
              {parts.map((part, index) => (
                <span
                  key={index}
                  className={part.added ? classes.added : part.removed ? classes.removed : undefined}
                  data-change={part.added ? 'added' : part.removed ? 'removed' : 'same'}
                >
                  {part.added ? <span className="visually-hidden">{t('flows.addedLines')}</span> : null}
                  {part.removed ? <span className="visually-hidden">{t('flows.removedLines')}</span> : null}
                  {part.value}
                </span>
              ))}
            </pre>
            <Group justify="space-between">
              <Badge variant="light" color={left.prompt === current ? 'teal' : 'gray'}>
                {left.prompt === current ? t('flows.inUse') : `v${left.version}`}
              </Badge>
              <Button
                variant="light"
                leftSection={<IconHistory size={16} aria-hidden />}
                disabled={left.prompt === current}
                loading={save.isPending}
                onClick={() => {
                  setDraft(left.prompt);
                  store(left.prompt);
                }}
              >
                {t('flows.restore', { version: left.version })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
