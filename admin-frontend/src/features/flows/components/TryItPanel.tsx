import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconRefresh, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlowSettings, TryMessage, TryReply } from '@/lib/api/types';
import { useResetTry, useTryDraft } from '../api/tryit';
import classes from './TryItPanel.module.css';

type Option = NonNullable<TryReply['interactive']>['options'][number];

/**
 * "Try it": chat with the flow exactly as it is in the form (and the prompt box), before saving, against the real
 * assistant in a sandbox conversation that never reaches WhatsApp, is not in the inbox and makes no bookings.
 */
export function TryItPanel({ flow }: { flow: FlowSettings }) {
  const { t } = useTranslation();
  const send = useTryDraft();
  const reset = useResetTry();
  const [sandboxId, setSandboxId] = useState<string | null>(null);
  const [messages, setMessages] = useState<TryMessage[]>([]);
  const [options, setOptions] = useState<Option[]>([]);
  const [handedOver, setHandedOver] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const [text, setText] = useState('');

  const say = (message: string, replyId?: string) => {
    if (message.trim() === '' && !replyId) return;
    // what the tester sees is what is sent: the draft without the clinic's number (not part of a conversation)
    const { whatsapp_number: _number, ...draft } = flow;
    setPending(message);
    setOptions([]);
    send.mutate(
      { sandbox_id: sandboxId ?? undefined, text: message, reply_id: replyId, flow: draft },
      {
        onSuccess: (reply) => {
          setSandboxId(reply.sandbox_id);
          setMessages(reply.messages);
          setOptions(reply.interactive?.options ?? []);
          setHandedOver(reply.handed_over);
          setText('');
        },
        onSettled: () => setPending(null),
      },
    );
  };

  const restart = () => {
    const clear = () => {
      setSandboxId(null);
      setMessages([]);
      setOptions([]);
      setHandedOver(false);
      send.reset();
    };
    if (sandboxId) reset.mutate(sandboxId, { onSuccess: clear });
    else clear();
  };

  return (
    <Card component="section" aria-labelledby="try-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="try-title">
          {t('flows.tryTitle')}
        </Title>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={restart}
          loading={reset.isPending}
          disabled={messages.length === 0 && !sandboxId}
        >
          {t('flows.tryReset')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('flows.tryHelp')}
      </Text>
      <Stack gap="xs" role="log" aria-label={t('flows.tryTranscript')} aria-live="polite" className={classes.transcript}>
        {messages.length === 0 && !pending && (
          <Text size="sm" c="dimmed">
            {t('flows.tryEmpty')}
          </Text>
        )}
        {messages.map((message, index) => (
          <Paper
            key={index}
            className={message.role === 'user' ? classes.mine : classes.theirs}
            data-role={message.role}
            p="xs"
            withBorder
          >
            <Text size="xs" fw={600} c="dimmed">
              {message.role === 'user' ? t('flows.tryYou') : t('flows.tryAssistant')}
            </Text>
            <Text size="sm" className={classes.text}>
              {message.text}
            </Text>
          </Paper>
        ))}
        {pending !== null && (
          <>
            <Paper className={classes.mine} data-role="user" p="xs" withBorder>
              <Text size="xs" fw={600} c="dimmed">
                {t('flows.tryYou')}
              </Text>
              <Text size="sm" className={classes.text}>
                {pending}
              </Text>
            </Paper>
            <Group gap="xs">
              <Loader size="xs" aria-hidden />
              <Text size="xs" c="dimmed">
                {t('flows.tryThinking')}
              </Text>
            </Group>
          </>
        )}
      </Stack>
      {options.length > 0 && (
        <Group gap="xs" mt="xs" role="group" aria-label={t('flows.tryOptions')}>
          {options.map((option) => (
            <Button key={option.id} size="xs" variant="light" onClick={() => say(option.title, option.id)} disabled={send.isPending}>
              {option.title}
            </Button>
          ))}
        </Group>
      )}
      {handedOver && (
        <Alert color="yellow" mt="xs">
          {t('flows.tryHandedOver')}
        </Alert>
      )}
      {send.isError && (
        <Alert color="red" mt="xs" title={t('errors.actionFailed')}>
          {send.error instanceof Error ? send.error.message : t('errors.generic')}
        </Alert>
      )}
      <Group
        component="form"
        mt="sm"
        align="flex-end"
        onSubmit={(event) => {
          event.preventDefault();
          say(text);
        }}
      >
        <TextInput
          style={{ flex: 1 }}
          label={t('flows.tryMessage')}
          placeholder={t('flows.tryPlaceholder')}
          maxLength={4096}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Button type="submit" leftSection={<IconSend size={16} aria-hidden />} loading={send.isPending} disabled={text.trim() === ''}>
          {t('flows.trySend')}
        </Button>
      </Group>
    </Card>
  );
}
