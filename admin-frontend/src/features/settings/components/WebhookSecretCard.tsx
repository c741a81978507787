import { useState } from 'react';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFailureNotice } from '@/lib/notices';
import { useRotateWebhookSecret } from '@/lib/project/settings';
import { ConfirmModal, SecretModal } from './SecretModal';

/** Rotates the HMAC secret the gateway signs its webhooks with; the new one is shown once. */
export function WebhookSecretCard() {
  const { t } = useTranslation();
  const failed = useFailureNotice();
  const rotate = useRotateWebhookSecret();
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Card>
      <Title order={2} size="h5" mb="xs">
        {t('settings.webhookSecret')}
      </Title>
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {t('settings.webhookSecretText')}
        </Text>
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirming(true)}>
          {t('settings.rotate')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('settings.rotateTitle')}
        text={t('settings.rotateText')}
        action={t('settings.rotate')}
        busy={rotate.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: (answer) => {
              setConfirming(false);
              setSecret(answer.webhook_secret);
            },
            onError: failed,
          })
        }
      />
      <SecretModal title={t('settings.newSecretTitle')} secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
