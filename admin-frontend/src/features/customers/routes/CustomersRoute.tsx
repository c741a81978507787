import { useState } from 'react';
import { Grid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CustomerList } from '../components/CustomerList';
import { CustomerProfile } from '../components/CustomerProfile';

/** /customers/:customerId? — the patients list beside the chosen patient's profile. */
export function CustomersRoute() {
  const { t } = useTranslation();
  const { customerId } = useParams();
  const [query, setQuery] = useState('');
  return (
    <>
      <Title order={1} size="h2" mb="md">
        {t('customers.title')}
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CustomerList query={query} onQuery={setQuery} selected={customerId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {customerId ? (
            <CustomerProfile key={customerId} customerId={customerId} />
          ) : (
            <Text c="dimmed">{t('customers.pick')}</Text>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
