import { useState } from 'react';
import { Alert, Button, Card, Center, Grid, Group, List, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceMobile, IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@/lib/auth/auth';
import { useSendAsPatient, useSimulatorStatus, useTranscript } from '../api/simulator';
import { PhoneChat } from '../components/PhoneChat';

const PHONE_KEY = 'ai-assistants.phone';

export function normalizePhone(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 6 && digits.length <= 15 ? `+${digits}` : null;
}

function randomPhone() {
  return `+54911${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;
}

export function PhoneRoute() {
  const { t } = useTranslation();
  const { project } = useAuth();
  const status = useSimulatorStatus();
  const [input, setInput] = useState(() => localStorage.getItem(PHONE_KEY) ?? '+5491155550101');
  const [phone, setPhone] = useState<string | null>(() => normalizePhone(input));
  const transcript = useTranscript(status.data?.enabled ? phone : null);
  const send = useSendAsPatient(phone);

  const choose = (value: string) => {
    const normalized = normalizePhone(value);
    setInput(value);
    setPhone(normalized);
    if (normalized) localStorage.setItem(PHONE_KEY, normalized);
  };

  if (status.isLoading) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('phone.title')}
      </Title>
      {!status.data?.enabled ? (
        <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} title={t('phone.disabledTitle')}>
          {status.data?.reason === 'gateway-unreachable' ? t('phone.unreachable') : t('phone.disabledText')}
        </Alert>
      ) : (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 'content' }}>
            {phone ? (
              <PhoneChat
                clinicName={project?.name ?? ''}
                phone={phone}
                entries={transcript.data ?? []}
                live={transcript.live}
                sending={send.isPending}
                onSend={(message) =>
                  send.mutate(message, {
                    onError: (error) =>
                      notifications.show({ color: 'red', title: t('errors.actionFailed'), message: error.message }),
                  })
                }
              />
            ) : (
              <Center w={380} h={300}>
                <Text c="dimmed">{t('phone.pickNumber')}</Text>
              </Center>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 'auto' }}>
            <Card maw={460}>
              <Stack gap="md">
                <Group gap="xs">
                  <IconDeviceMobile size={20} aria-hidden />
                  <Title order={2} size="h5">
                    {t('phone.patientNumber')}
                  </Title>
                </Group>
                <TextInput
                  label={t('phone.numberLabel')}
                  description={t('phone.numberHint')}
                  value={input}
                  error={phone ? null : t('phone.invalidNumber')}
                  onChange={(event) => choose(event.currentTarget.value)}
                />
                <Button variant="light" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => choose(randomPhone())}>
                  {t('phone.newPatient')}
                </Button>
                <Text size="sm" fw={600}>
                  {t('phone.tryTitle')}
                </Text>
                <List size="sm" spacing={4}>
                  <List.Item>{t('phone.try1')}</List.Item>
                  <List.Item>{t('phone.try2')}</List.Item>
                  <List.Item>{t('phone.try3')}</List.Item>
                </List>
              </Stack>
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
