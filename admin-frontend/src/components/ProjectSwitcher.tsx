import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/lib/auth/auth';

/** Superadmins pick the project the console shows (sent to the API as X-Project-Id). */
export function ProjectSwitcher() {
  const { me, project, selectProject } = useAuth();
  const { t } = useTranslation();
  if (!me?.superadmin || me.projects.length < 2) return null;
  return (
    <Select
      size="xs"
      w={200}
      aria-label={t('common.project')}
      value={project?.project_id ?? null}
      allowDeselect={false}
      searchable
      data={me.projects.map((p) => ({ value: p.project_id, label: p.name }))}
      onChange={(value) => value && selectProject(value)}
    />
  );
}
