import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center" mt="xl" gap="xs">
      <Title order={1} size="h2">
        {t('errors.notFoundTitle')}
      </Title>
      <Text c="dimmed">{t('errors.notFoundText')}</Text>
      <Anchor component={Link} to="/inbox">
        {t('nav.inbox')}
      </Anchor>
    </Stack>
  );
}
