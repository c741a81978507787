import { useState } from 'react';
import { Alert, Button, Card, Code, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedProject } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth';
import { useFormat } from '@/lib/format';
import { useProjects } from '../api/projects';
import { NewProjectForm } from '../components/NewProjectForm';

/** Superadmin: every project (tenant), and a new one. "Open" switches the console to it. */
export function ProjectsRoute() {
  const { t } = useTranslation();
  const format = useFormat();
  const { selectProject, project: current } = useAuth();
  const projects = useProjects();
  const [created, setCreated] = useState<CreatedProject | null>(null);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('projects.title')}
      </Title>
      <NewProjectForm onCreated={setCreated} />
      <Card>
        {projects.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {projects.isError && <Alert color="red">{t('errors.generic')}</Alert>}
        {projects.data && (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('projects.id')}</Table.Th>
                <Table.Th>{t('projects.name')}</Table.Th>
                <Table.Th>{t('projects.timeZone')}</Table.Th>
                <Table.Th>{t('projects.locale')}</Table.Th>
                <Table.Th>{t('projects.users')}</Table.Th>
                <Table.Th>{t('projects.created')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('settings.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {projects.data.map((row) => (
                <Table.Tr key={row.project_id}>
                  <Table.Td>
                    <code>{row.project_id}</code>
                  </Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>{row.time_zone}</Table.Td>
                  <Table.Td>{t(`projects.locales.${row.locale}`)}</Table.Td>
                  <Table.Td>{row.users}</Table.Td>
                  <Table.Td>{format.when(row.created_at)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      disabled={current?.project_id === row.project_id}
                      onClick={() => selectProject(row.project_id)}
                      aria-label={t('projects.openProject', { name: row.name })}
                    >
                      {t('projects.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Modal opened={created !== null} onClose={() => setCreated(null)} title={t('projects.createdTitle')} size="lg" centered>
        <Stack>
          <Alert color="yellow" variant="light">
            {t('settings.shownOnce')}
          </Alert>
          <Text size="sm" fw={500}>
            {t('projects.apiKey')}
          </Text>
          <Code block data-testid="created-api-key">
            {created?.api_key.key}
          </Code>
          <Text size="sm" fw={500}>
            {t('projects.webhookSecret')}
          </Text>
          <Code block data-testid="created-webhook-secret">
            {created?.webhook_secret}
          </Code>
          <Text size="sm" c="dimmed">
            {t('projects.nextSteps')}
          </Text>
          <Button onClick={() => setCreated(null)}>{t('settings.done')}</Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
