import { useMemo } from 'react';
import { Button, Card, Group, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ProjectSettings } from '@/lib/api/types';
import { useFailureNotice } from '@/lib/notices';
import { useSaveSettings } from '@/lib/project/settings';

interface Values {
  name: string;
  time_zone: string;
  locale: string;
  reminder_lead_minutes: number | string;
  memory_ttl_days: number | string;
  per_api_key_per_minute: number | string;
  per_phone_per_minute: number | string;
}

// plain number inputs (Mantine's NumberInput would add a formatting library to the page)
const optional = (value: number | string): number | undefined => (value === '' ? undefined : Number(value));

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/**
 * The project's name, time zone, language, reminder lead time, memory TTL and rate limits (empty = the
 * service's default). The parent keys it by the saved settings, so a save resets the dirty check.
 */
export function ProjectForm({ settings }: { settings: ProjectSettings }) {
  const { t } = useTranslation();
  const failed = useFailureNotice();
  const save = useSaveSettings();
  const form = useForm<Values>({
    initialValues: {
      name: settings.name,
      time_zone: settings.time_zone,
      locale: settings.locale,
      reminder_lead_minutes: settings.settings.reminder_lead_minutes ?? '',
      memory_ttl_days: settings.settings.memory_ttl_days ?? '',
      per_api_key_per_minute: settings.settings.rate_limits?.per_api_key_per_minute ?? '',
      per_phone_per_minute: settings.settings.rate_limits?.per_phone_per_minute ?? '',
    },
    validate: {
      name: (value) => (value.trim() ? null : t('settings.required')),
      time_zone: (value) => (value ? null : t('settings.required')),
    },
  });
  const timeZones = useMemo(() => {
    const all = zones();
    return all.includes(settings.time_zone) ? all : [settings.time_zone, ...all];
  }, [settings.time_zone]);

  const submit = (values: Values) => {
    const perKey = optional(values.per_api_key_per_minute);
    const perPhone = optional(values.per_phone_per_minute);
    save.mutate(
      {
        name: values.name.trim(),
        time_zone: values.time_zone,
        locale: values.locale,
        settings: {
          ...settings.settings,
          reminder_lead_minutes: optional(values.reminder_lead_minutes),
          memory_ttl_days: optional(values.memory_ttl_days),
          rate_limits:
            perKey === undefined && perPhone === undefined
              ? undefined
              : { per_api_key_per_minute: perKey, per_phone_per_minute: perPhone },
        },
      },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }),
        onError: failed,
      },
    );
  };

  return (
    <Card component="form" onSubmit={form.onSubmit(submit)} aria-labelledby="project-settings">
      <Title order={2} size="h5" mb="sm" id="project-settings">
        {t('settings.project')} · <code>{settings.id}</code>
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('settings.name')} required maxLength={200} {...form.getInputProps('name')} />
        <Select
          label={t('settings.timeZone')}
          searchable
          required
          data={timeZones}
          allowDeselect={false}
          {...form.getInputProps('time_zone')}
        />
        <Select
          label={t('settings.locale')}
          required
          allowDeselect={false}
          data={[
            { value: 'es', label: 'Español' },
            { value: 'en', label: 'English' },
          ]}
          {...form.getInputProps('locale')}
        />
        <TextInput
          label={t('settings.reminderLead')}
          description={t('settings.defaultWhenEmpty')}
          min={0}
          max={10080}
          step={1}
          type="number"
          {...form.getInputProps('reminder_lead_minutes')}
        />
        <TextInput
          label={t('settings.memoryTtl')}
          description={t('settings.defaultWhenEmpty')}
          min={1}
          max={3650}
          step={1}
          type="number"
          {...form.getInputProps('memory_ttl_days')}
        />
        <div />
        <TextInput
          label={t('settings.perKeyPerMinute')}
          description={t('settings.defaultWhenEmpty')}
          min={1}
          max={1_000_000}
          step={1}
          type="number"
          {...form.getInputProps('per_api_key_per_minute')}
        />
        <TextInput
          label={t('settings.perPhonePerMinute')}
          description={t('settings.defaultWhenEmpty')}
          min={1}
          max={100_000}
          step={1}
          type="number"
          {...form.getInputProps('per_phone_per_minute')}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
          {t('settings.save')}
        </Button>
      </Group>
    </Card>
  );
}
