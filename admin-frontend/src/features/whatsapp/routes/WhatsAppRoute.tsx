import { Grid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasRole, useAuth } from '@/lib/auth/auth';
import { AllowedNumbersCard } from '../components/AllowedNumbersCard';
import { ConnectionCard } from '../components/ConnectionCard';
import { FailedMessagesCard } from '../components/FailedMessagesCard';
import { RecentMessagesCard } from '../components/RecentMessagesCard';

/** /whatsapp — the project's WhatsApp number: connection and login, allowed numbers, failed and recent messages. */
export function WhatsAppRoute() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const canManage = hasRole(me?.role, 'admin') || me?.superadmin === true;
  return (
    <>
      <Title order={1} size="h2" mb="md">
        {t('whatsapp.title')}
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <ConnectionCard />
            <AllowedNumbersCard canManage={canManage} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <FailedMessagesCard canManage={canManage} />
            <RecentMessagesCard />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
