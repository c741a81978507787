import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
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
import { Link } from 'react-router';
import { StateBadge } from '@/components/StateBadge';
import type { ConversationItem, Message } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import { useFailureNotice } from '@/lib/notices';
import { useBooking, useHandBack, useMarkRead, useMessages, useReply, useTakeOver } from '../api/conversations';
import { ChannelIcon, customerLabel } from './ConversationList';
import classes from './Inbox.module.css';
import { scrollRegion } from '@/components/scrollRegion';

/**
 * One booking of a booking event, named as staff know it (service, time, code, status) and linked to its day in the
 * calendar; its id while the calendar has not answered or does not know it.
 */
function BookingLink({ bookingId }: { bookingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const booking = useBooking(bookingId);
  if (!booking.data) return <span>{bookingId}</span>;
  const b = booking.data;
  return (
    <Anchor component={Link} to={`/calendar?view=day&date=${b.local_start.slice(0, 10)}`} size="sm" c="grape.8" fw={600}>
      {t('inbox.bookingEventItem', {
        service: b.service_name,
        when: format.dayTime(b.start),
        code: b.short_code,
        status: t(`calendar.status.${b.status}`, b.status),
      })}
    </Anchor>
  );
}

function MessageBubble({ message }: { message: Message }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (message.role === 'system' || message.kind === 'booking') {
    const ids = message.booking_ids ?? [];
    return (
      <Badge
        className={classes.system}
        variant="light"
        color="grape"
        size="lg"
        radius="sm"
        h="auto"
        py={4}
        leftSection={<IconCalendarEvent size={14} aria-hidden />}
        styles={{ label: { textTransform: 'none', fontWeight: 500, whiteSpace: 'normal' } }}
      >
        {message.text || (
          <>
            {t('inbox.bookingEvent')}
            {ids.map((id) => (
              <span key={id}>
                {' · '}
                <BookingLink bookingId={id} />
              </span>
            ))}
          </>
        )}
        {' · '}
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
