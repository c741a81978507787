import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Avatar, Button, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconList, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SimulatorEntry } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import type { PatientMessage } from '../api/simulator';
import classes from './Phone.module.css';
import { scrollRegion } from '@/components/scrollRegion';

function Bubble({ entry, onReply }: { entry: SimulatorEntry; onReply(message: PatientMessage): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [listOpen, setListOpen] = useState(false);
  const incoming = entry.direction === 'out'; // the clinic's messages come into the phone
  return (
    <div className={incoming ? classes.received : classes.sent} data-direction={entry.direction}>
      {entry.kind === 'media' && !entry.text ? (
        <Text size="sm" fs="italic">
          {t('phone.media')}
        </Text>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {entry.text}
        </Text>
      )}
      <Text size="10px" c="dimmed" ta="right">
        {format.time(entry.at)}
      </Text>
      {entry.buttons && entry.buttons.length > 0 && (
        <Stack gap={4} mt={6}>
          {entry.buttons.map((button) => (
            <Button
              key={button.id}
              variant="white"
              size="compact-sm"
              className={classes.choice}
              onClick={() => onReply({ reply_id: button.id, reply_title: button.title })}
            >
              {button.title}
            </Button>
          ))}
        </Stack>
      )}
      {entry.list_items && entry.list_items.length > 0 && (
        <Stack gap={4} mt={6}>
          <Button
            variant="white"
            size="compact-sm"
            className={classes.choice}
            leftSection={<IconList size={14} aria-hidden />}
            aria-expanded={listOpen}
            onClick={() => setListOpen((open) => !open)}
          >
            {entry.list_title || t('phone.openList')}
          </Button>
          {listOpen &&
            entry.list_items.map((item) => (
              <Button
                key={item.id}
                variant="light"
                size="compact-sm"
                h="auto"
                py={4}
                justify="flex-start"
                onClick={() => onReply({ reply_id: item.id, reply_title: item.title })}
              >
                <Stack gap={0} align="flex-start">
                  <span>{item.title}</span>
                  {item.description && (
                    <Text size="xs" c="dimmed" component="span">
                      {item.description}
                    </Text>
                  )}
                </Stack>
              </Button>
            ))}
        </Stack>
      )}
    </div>
  );
}

export function PhoneChat({
  clinicName,
  phone,
  entries,
  live,
  sending,
  onSend,
}: {
  live: boolean;
  clinicName: string;
  phone: string;
  entries: SimulatorEntry[];
  sending: boolean;
  onSend(message: PatientMessage): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [entries.length]);

  return (
    <div className={classes.device} aria-label={t('phone.deviceLabel', { phone })} role="region">
      <div className={classes.screen}>
        <Group className={classes.header} gap="sm" wrap="nowrap">
          <Avatar color="teal" variant="filled" radius="xl" size={34}>
            {clinicName.slice(0, 1)}
          </Avatar>
          <div>
            <Text size="sm" fw={600} c="white" lh={1.2}>
              {clinicName}
            </Text>
            <Text size="xs" c="teal.1" lh={1.2} aria-live="polite">
              {live ? t('phone.businessAccount') : t('phone.reconnecting')}
            </Text>
          </div>
        </Group>
        <ScrollArea className={classes.chat} viewportRef={viewport} viewportProps={scrollRegion(t('phone.chatScroll'))} type="auto">
          <Stack gap={6} p="sm" role="log" aria-live="polite" aria-label={t('phone.chatLabel')}>
            {entries.length === 0 && (
              <Text size="xs" c="dimmed" ta="center" className={classes.hint}>
                {t('phone.emptyHint')}
              </Text>
            )}
            {entries.map((entry, index) => (
              <Bubble key={entry.id ?? `${entry.at}-${index}`} entry={entry} onReply={onSend} />
            ))}
          </Stack>
        </ScrollArea>
        <form
          className={classes.composer}
          onSubmit={(event) => {
            event.preventDefault();
            const text = draft.trim();
            if (!text) return;
            onSend({ text });
            setDraft('');
          }}
        >
          <Group gap={6} wrap="nowrap">
            <TextInput
              radius="xl"
              style={{ flex: 1 }}
              aria-label={t('phone.messageLabel')}
              placeholder={t('phone.messagePlaceholder')}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
            />
            <ActionIcon type="submit" radius="xl" size={36} loading={sending} aria-label={t('phone.send')}>
              <IconSend size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </form>
      </div>
    </div>
  );
}
