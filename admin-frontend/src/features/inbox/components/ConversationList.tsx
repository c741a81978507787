import { Badge, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBrandWhatsapp, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '@/components/StateBadge';
import type { ConversationItem } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import classes from './Inbox.module.css';
import { scrollRegion } from '@/components/scrollRegion';

export function ChannelIcon({ channel }: { channel: string }) {
  const { t } = useTranslation();
  const Icon = channel === 'whatsapp' ? IconBrandWhatsapp : IconWorld;
  return <Icon size={16} stroke={1.6} aria-label={t('inbox.channel', { channel })} role="img" />;
}

export function customerLabel(item: Pick<ConversationItem, 'customer_name' | 'customer_id_masked'>, unknown: string) {
  return item.customer_name || item.customer_id_masked || unknown;
}

export function ConversationList({ items, selectedId }: { items: ConversationItem[]; selectedId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="xl" size="sm">
        {t('inbox.empty')}
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah="calc(100vh - 230px)" type="auto" scrollbars="y" viewportProps={scrollRegion(t('inbox.listScroll'))}>
      <Stack gap={0} component="ul" className={classes.list} aria-label={t('inbox.listLabel')}>
        {items.map((item) => {
          const selected = item.conversation_id === selectedId;
          const prefix =
            item.last_message_role === 'assistant'
              ? `${t('inbox.role.assistant')}: `
              : item.last_message_role === 'staff'
                ? `${t('inbox.role.staff')}: `
                : '';
          return (
            <li key={item.conversation_id}>
              <UnstyledButton
                component={Link}
                to={`/inbox/${encodeURIComponent(item.conversation_id)}`}
                className={classes.item}
                data-selected={selected || undefined}
                data-needs-human={item.state === 'needs_human' || undefined}
                aria-current={selected ? 'true' : undefined}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap={6} wrap="nowrap" miw={0}>
                    <ChannelIcon channel={item.channel} />
                    <Text fw={item.unread_count ? 700 : 600} size="sm" truncate>
                      {customerLabel(item, t('inbox.unknownCustomer'))}
                    </Text>
                  </Group>
                  {item.last_message_at && (
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {format.when(item.last_message_at)}
                    </Text>
                  )}
                </Group>
                {item.customer_name && item.customer_id_masked && (
                  <Text size="xs" c="dimmed">
                    {item.customer_id_masked}
                  </Text>
                )}
                <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
                  <Text size="sm" c={item.unread_count ? undefined : 'dimmed'} truncate>
                    {prefix}
                    {item.last_message_text ?? ''}
                  </Text>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    <StateBadge state={item.state} />
                    {item.unread_count > 0 && (
                      <Badge size="sm" color="red" circle aria-label={t('inbox.unreadCount', { count: item.unread_count })}>
                        {item.unread_count}
                      </Badge>
                    )}
                  </Group>
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
    </ScrollArea.Autosize>
  );
}
