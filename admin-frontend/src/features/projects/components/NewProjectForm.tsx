import { useState } from 'react';
import { Button, Card, Group, Select, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/problem';
import type { CreatedProject } from '@/lib/api/types';
import { useCreateProject, type NewProject } from '../api/projects';

/** Creates a project; `onCreated` receives its webhook secret and first API key (shown once). */
export function NewProjectForm({ onCreated }: { onCreated: (project: CreatedProject) => void }) {
  const { t } = useTranslation();
  const create = useCreateProject();
  const [zones] = useState(() => {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone');
    return supported && supported.length > 0 ? supported : ['America/Argentina/Buenos_Aires', 'UTC'];
  });
  const form = useForm<NewProject>({
    initialValues: { id: '', name: '', time_zone: 'America/Argentina/Buenos_Aires', locale: 'es' },
    validate: {
      id: (value) => (/^[a-z0-9][a-z0-9-]{1,62}$/.test(value) ? null : t('projects.idInvalid')),
      name: (value) => (value.trim() ? null : t('projects.nameRequired')),
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { ...values, name: values.name.trim() },
      {
        onSuccess: (project) => {
          form.reset();
          onCreated(project);
        },
        onError: (error) => {
          const slug = error instanceof ApiError ? String(error.problem.type ?? '').split('/').pop() : '';
          notifications.show({
            color: 'red',
            title: t('errors.actionFailed'),
            message: slug === 'project-exists' ? t('projects.exists') : error instanceof Error ? error.message : '',
          });
        },
      },
    ),
  );
  return (
    <Card>
      <Title order={2} size="h5" mb="sm">
        {t('projects.new')}
      </Title>
      <form onSubmit={submit} noValidate aria-label={t('projects.new')}>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t('projects.id')} description={t('projects.idHint')} required w={200} {...form.getInputProps('id')} />
          <TextInput label={t('projects.name')} required w={240} maxLength={200} {...form.getInputProps('name')} />
          <Select label={t('projects.timeZone')} data={zones} searchable allowDeselect={false} w={260} {...form.getInputProps('time_zone')} />
          <Select
            label={t('projects.locale')}
            data={[
              { value: 'es', label: t('projects.locales.es') },
              { value: 'en', label: t('projects.locales.en') },
            ]}
            allowDeselect={false}
            w={140}
            {...form.getInputProps('locale')}
          />
          <Button type="submit" mt={24} leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending}>
            {t('projects.create')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
