import { useState } from 'react';
import { Card, Center, Grid, Group, Loader, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMessages, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ConversationState } from '@/lib/api/types';
import { useConversations } from '../api/conversations';
import { ConversationList } from '../components/ConversationList';
import { Thread } from '../components/Thread';

const filters = ['all', 'needs_human', 'staff', 'bot'] as const;

export function InboxRoute() {
  const { t } = useTranslation();
  const { conversationId } = useParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [filter, setFilter] = useState<(typeof filters)[number]>('all');
  const state = filter === 'all' ? null : (filter as ConversationState);
  const list = useConversations({ q, state });
  // the open conversation stays available when a filter hides it
  const all = useConversations({});
  const selected =
    list.data?.items.find((item) => item.conversation_id === conversationId) ??
    all.data?.items.find((item) => item.conversation_id === conversationId);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('inbox.title')}
        </Title>
        {list.data && (
          <Text c="dimmed" size="sm">
            {t('inbox.total', { count: list.data.total })}
          </Text>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Card p={0}>
            <Stack gap="xs" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <TextInput
                leftSection={<IconSearch size={16} aria-hidden />}
                placeholder={t('inbox.searchPlaceholder')}
                aria-label={t('inbox.search')}
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
              />
              <SegmentedControl
                size="xs"
                fullWidth
                aria-label={t('inbox.filter')}
                value={filter}
                onChange={(value) => setFilter(value as (typeof filters)[number])}
                data={filters.map((value) => ({ value, label: t(`inbox.filters.${value}`) }))}
              />
            </Stack>
            {list.isLoading ? (
              <Center py="xl">
                <Loader aria-label={t('common.loading')} />
              </Center>
            ) : (
              <ConversationList items={list.data?.items ?? []} selectedId={conversationId} />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          {selected ? (
            <Thread conversation={selected} />
          ) : (
            <Card h="calc(100vh - 150px)">
              <Center h="100%">
                <Stack align="center" gap="xs">
                  <IconMessages size={48} stroke={1.2} color="var(--mantine-color-gray-5)" aria-hidden />
                  <Text c="dimmed">{conversationId && all.isLoading ? t('common.loading') : t('inbox.pick')}</Text>
                </Stack>
              </Center>
            </Card>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
