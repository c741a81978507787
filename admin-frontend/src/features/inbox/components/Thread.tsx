import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconCalendarEvent, IconHandStop, IconRobot, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StateBadge } from '@/components/StateBadge';
import type { ConversationItem, Message } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import { useFailureNotice } from '@/lib/notices';
import { useHandBack, useMarkRead, useMessages, useReply, useTakeOver } from '../api/conversations';
import { ChannelIcon, customerLabel } from './ConversationList';
import classes from './Inbox.module.css';
import { scrollRegion } from '@/components/scrollRegion';

function MessageBubble({ message }: { message: Message }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (message.role === 'system' || message.kind === 'booking') {
    return (
      <Badge
        className={classes.system}
        variant="light"
        color="grape"
        size="lg"
        radius="sm"
        leftSection={<IconCalendarEvent size={14} aria-hidden />}
        styles={{ label: { textTransform: 'none', fontWeight: 500 } }}
      >
        {message.text || t('inbox.bookingEvent', { ids: (message.booking_ids ?? []).join(', ') })} ·{' '}
        {format.time(message.created_at)}
      </Badge>
    );
  }
  return (
    <div className={classes[message.role]} data-role={message.role}>
      <Text size="xs" fw={600} c="dimmed" mb={2}>
        {t(`inbox.role.${message.role}`)} · {format.time(message.created_at)}
      </Text>
      <Text size="sm">{message.text}</Text>
    </div>
  );
}

export function Thread({ conversation }: { conversation: ConversationItem }) {
  const { t } = useTranslation();
  const id = conversation.conversation_id;
  const messages = useMessages(id);
  const takeOver = useTakeOver();
  const handBack = useHandBack();
  const reply = useReply();
  const markRead = useMarkRead();
  const [draft, setDraft] = useState('');
  const viewport = useRef<HTMLDivElement>(null);
  const paused = conversation.paused;

  const count = messages.data?.length ?? 0;
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [count, id]);

  const unread = conversation.unread_count;
  const { mutate: read } = markRead;
  useEffect(() => {
    if (unread > 0) read({ conversationId: id });
  }, [id, unread, count, read]);

  const failed = useFailureNotice();

  const send = () => {
    const text = draft.trim();
    if (!text) return;
    reply.mutate({ conversationId: id, text }, { onSuccess: () => setDraft(''), onError: failed });
  };

  return (
    <Card p={0} h="calc(100vh - 150px)" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="space-between" p="md" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Stack gap={2} miw={0}>
          <Group gap={6} wrap="nowrap">
            <ChannelIcon channel={conversation.channel} />
            <Title order={2} size="h4" lineClamp={1}>
              {customerLabel(conversation, t('inbox.unknownCustomer'))}
            </Title>
            <StateBadge state={conversation.state} />
          </Group>
          <Text size="xs" c="dimmed">
            {[conversation.customer_name ? conversation.customer_id_masked : null, t(`channels.${conversation.channel}`, conversation.channel)]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        {paused ? (
          <Button
            variant="light"
            leftSection={<IconRobot size={18} aria-hidden />}
            loading={handBack.isPending}
            onClick={() => handBack.mutate({ conversationId: id }, { onError: failed })}
          >
            {t('inbox.handBack')}
          </Button>
        ) : (
          <Button
            color={conversation.state === 'needs_human' ? 'red' : 'indigo'}
            leftSection={<IconHandStop size={18} aria-hidden />}
            loading={takeOver.isPending}
            onClick={() => takeOver.mutate({ conversationId: id }, { onError: failed })}
          >
            {t('inbox.takeOver')}
          </Button>
        )}
      </Group>
      <ScrollArea className={classes.thread} viewportRef={viewport} viewportProps={scrollRegion(t('inbox.threadScroll'))} style={{ flex: 1 }} type="auto">
        <Stack gap="sm" p="md" role="log" aria-live="polite" aria-label={t('inbox.threadLabel')}>
          {messages.isLoading && <Loader mx="auto" aria-label={t('common.loading')} />}
          {messages.isError && <Alert color="red">{t('errors.generic')}</Alert>}
          {messages.data?.map((message) => <MessageBubble key={message.id} message={message} />)}
        </Stack>
      </ScrollArea>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group p="sm" align="flex-end" wrap="nowrap">
          <Textarea
            style={{ flex: 1 }}
            autosize
            minRows={1}
            maxRows={5}
            aria-label={t('inbox.replyLabel')}
            placeholder={paused ? t('inbox.replyPlaceholder') : t('inbox.takeOverToReply')}
            disabled={!paused}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                send();
              }
            }}
          />
          <Button type="submit" disabled={!paused || !draft.trim()} loading={reply.isPending} leftSection={<IconSend size={16} aria-hidden />}>
            {t('inbox.send')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
