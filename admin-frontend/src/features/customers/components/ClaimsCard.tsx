import { Alert, Badge, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import { useClaims } from '../api/customers';

/** The patient's claims made through the assistant: when, which order, what they said, the shop's id and status. */
export function ClaimsCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const claims = useClaims(customerId);
  return (
    <Card>
      <Title order={3} size="h5" mb="sm">
        {t('customers.claims')}
      </Title>
      {claims.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {claims.isError && <Alert color="red">{t('errors.generic')}</Alert>}
      {claims.data && claims.data.claims.length === 0 && <Text c="dimmed">{t('customers.noClaims')}</Text>}
      {claims.data && claims.data.claims.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.when')}</Table.Th>
              <Table.Th>{t('customers.claimOrder')}</Table.Th>
              <Table.Th>{t('customers.claimText')}</Table.Th>
              <Table.Th>{t('customers.claimId')}</Table.Th>
              <Table.Th>{t('customers.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claims.data.claims.map((claim) => (
              <Table.Tr key={claim.id}>
                <Table.Td>{format.dayTime(claim.created_at)}</Table.Td>
                <Table.Td>{claim.order_id ?? '—'}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{claim.description || '—'}</Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{claim.hook_claim_id ?? '—'}</Table.Td>
                <Table.Td>{claim.status ? <Badge variant="light" miw="max-content">{claim.status}</Badge> : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
