import { Alert, Badge, Group, Loader, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@/lib/format';
import { useCustomers } from '../api/customers';

/** Patients by recent activity, searched by name or phone digits. */
export function CustomerList({ query, onQuery, selected }: { query: string; onQuery: (q: string) => void; selected?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const customers = useCustomers(query.trim());
  return (
    <Stack gap="xs" h="100%">
      <TextInput
        label={t('customers.search')}
        placeholder={t('customers.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => onQuery(event.currentTarget.value)}
      />
      {customers.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {customers.isError && <Alert color="red">{t('errors.generic')}</Alert>}
      {customers.data && customers.data.customers.length === 0 && <Text c="dimmed">{t('customers.none')}</Text>}
      <ScrollArea.Autosize mah="calc(100vh - 220px)" type="auto" tabIndex={0} aria-label={t('customers.list')}>
        <nav aria-label={t('customers.list')}>
          {customers.data?.customers.map((c) => (
            <NavLink
              key={c.customer_id}
              component={Link}
              to={`/customers/${encodeURIComponent(c.customer_id)}`}
              active={c.customer_id === selected}
              label={c.name ?? c.phone ?? c.customer_id}
              description={
                <Group gap={6} component="span">
                  <span>{c.phone ?? c.customer_id}</span>
                  <span>· {format.when(c.last_activity_at)}</span>
                </Group>
              }
              rightSection={
                c.conversations > 1 ? (
                  <Badge size="xs" variant="light" aria-label={t('customers.conversationsCount', { count: c.conversations })}>
                    {c.conversations}
                  </Badge>
                ) : undefined
              }
            />
          ))}
        </nav>
      </ScrollArea.Autosize>
    </Stack>
  );
}
