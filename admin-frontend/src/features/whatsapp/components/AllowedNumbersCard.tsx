import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import { useAllowedNumbers, useSaveAllowedNumbers } from '../api/whatsapp';

/** One number per line (commas and semicolons also separate); blank lines are dropped. */
export function parseNumbers(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** Which WhatsApp numbers the assistant answers: everyone when the list is empty. Admins edit it. */
export function AllowedNumbersCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const allowed = useAllowedNumbers();
  return (
    <Card>
      <Title order={2} size="h4">
        {t('whatsapp.allowed.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t('whatsapp.allowed.hint')}
      </Text>
      {allowed.isLoading ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : allowed.isError || !allowed.data ? (
        <Alert color="red">{allowed.error instanceof Error ? allowed.error.message : t('errors.generic')}</Alert>
      ) : canManage ? (
        <Editor key={allowed.data.numbers.join(',')} numbers={allowed.data.numbers} />
      ) : allowed.data.numbers.length === 0 ? (
        <Badge color="green">{t('whatsapp.allowed.everyone')}</Badge>
      ) : (
        <Group gap="xs">
          {allowed.data.numbers.map((n) => (
            <Badge key={n} variant="light">
              +{n}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  );
}

function Editor({ numbers }: { numbers: string[] }) {
  const { t } = useTranslation();
  const save = useSaveAllowedNumbers();
  const [text, setText] = useState(numbers.map((n) => `+${n}`).join('\n'));
  const parsed = parseNumbers(text);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(parsed);
      }}
    >
      <Textarea
        label={t('whatsapp.allowed.label')}
        description={parsed.length === 0 ? t('whatsapp.allowed.everyone') : t('whatsapp.allowed.count', { count: parsed.length })}
        autosize
        minRows={3}
        maxRows={10}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={save.error instanceof ApiError ? save.error.message : undefined}
      />
      <Group justify="flex-end" mt="sm">
        {save.isSuccess && <Text size="sm" c="green">{t('whatsapp.allowed.saved')}</Text>}
        <Button type="submit" loading={save.isPending}>
          {t('whatsapp.allowed.save')}
        </Button>
      </Group>
    </form>
  );
}
