import { useState } from 'react';
import { Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import type { FutureBookings } from '../api/catalogue';

/** Deactivating something with upcoming bookings: list them and ask what to do (nothing happens silently). */
export function FutureBookingsModal({
  bookings,
  onDecide,
  onClose,
}: {
  bookings: Booking[] | null;
  onDecide(choice: FutureBookings, notify: boolean): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [notify, setNotify] = useState(true);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={bookings !== null}
      onClose={onClose}
      title={t('catalogue.future.title')}
      size="lg"
    >
      <Stack>
        <Text>{t('catalogue.future.intro', { count: bookings?.length ?? 0 })}</Text>
        <List size="sm" spacing={4}>
          {(bookings ?? []).map((b) => (
            <List.Item key={b.id}>
              {format.dayTime(b.start)} · {b.customer_name ?? b.customer_id} · {b.service_name} · {b.professional_name} (
              {b.short_code})
            </List.Item>
          ))}
        </List>
        <Checkbox label={t('catalogue.future.notify')} checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" onClick={() => onDecide('keep', false)}>
            {t('catalogue.future.keep')}
          </Button>
          <Button color="red" onClick={() => onDecide('cancel', notify)}>
            {t('catalogue.future.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
