import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import type { CustomerMatch, Schedule } from '@/lib/api/types';
import { fromFloating, isoDate } from '@/lib/format/zone';
import { useBook, useCustomerSearch, useSlots } from '../api/calendar';

export interface NewBookingTarget {
  /** floating: the clinic's wall time clicked */
  start: Date;
  professionalId: string | null;
}

const PHONE = /^\+[1-9][0-9]{6,14}$/;

/** Book a clicked slot for a patient: confirmed at once, optionally told on WhatsApp. */
export function NewBookingModal({
  target,
  schedule,
  onClose,
  onBooked,
}: {
  target: NewBookingTarget | null;
  schedule: Schedule;
  onClose(): void;
  onBooked(code: string, notice: string): void;
}) {
  const { t } = useTranslation();
  const [professionalId, setProfessionalId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [slotStart, setSlotStart] = useState<string | null>(null);
  const [mode, setMode] = useState<'search' | 'new'>('search');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [customer, setCustomer] = useState<CustomerMatch | null>(null);
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const book = useBook();

  useEffect(() => {
    if (!target) return;
    const professional = target.professionalId ?? schedule.professionals.find((p) => p.active)?.id ?? null;
    setProfessionalId(professional);
    setServiceId(null);
    setSlotStart(null);
    setCustomer(null);
    setQuery('');
    setPhone('');
    setName('');
    setError(null);
    setKey(crypto.randomUUID());
  }, [target, schedule.professionals]);

  const professional = schedule.professionals.find((p) => p.id === professionalId);
  const services = schedule.services.filter((s) => s.active && professional?.service_ids.includes(s.id));
  useEffect(() => {
    if (services.length && !services.some((s) => s.id === serviceId)) setServiceId(services[0]!.id);
  }, [services, serviceId]);

  const date = target ? isoDate(target.start) : null;
  const slots = useSlots(serviceId, professionalId, date);
  const clicked = target ? fromFloating(target.start, schedule.time_zone).getTime() : 0;
  const options = useMemo(
    () =>
      (slots.data?.slots ?? []).map((s) => ({
        value: s.start,
        label: s.local_start.slice(11, 16),
      })),
    [slots.data],
  );
  useEffect(() => {
    if (!slots.data) return;
    const first = slots.data.slots.find((s) => new Date(s.start).getTime() >= clicked) ?? slots.data.slots[0];
    setSlotStart(first?.start ?? null);
  }, [slots.data, clicked]);

  const matches = useCustomerSearch(mode === 'search' ? debounced : '');
  const phoneOk = PHONE.test(phone.trim());
  const ready =
    Boolean(serviceId && professionalId && slotStart) && (mode === 'search' ? Boolean(customer) : phoneOk && name.trim());

  const submit = async () => {
    setError(null);
    try {
      const answer = await book.mutateAsync({
        service_id: serviceId!,
        professional_id: professionalId!,
        start: slotStart!,
        customer_id: mode === 'search' ? customer!.customer_id : null,
        phone: mode === 'search' ? customer!.phone : phone.trim(),
        customer_name: mode === 'search' ? customer!.name : name.trim(),
        notes: null,
        notify_patient: notify,
        idempotency_key: key,
      });
      onBooked(answer.booking.short_code, answer.notice);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setError(t('calendar.book.taken'));
        void slots.refetch();
        setKey(crypto.randomUUID());
      } else {
        setError(e instanceof Error ? e.message : t('errors.generic'));
      }
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={target !== null}
      onClose={onClose}
      title={t('calendar.book.title')}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('calendar.book.when', { date: date ?? '', zone: schedule.time_zone })}
        </Text>
        <Group grow align="flex-start">
          <Select
            label={t('calendar.professional')}
            data={schedule.professionals.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
            value={professionalId}
            onChange={setProfessionalId}
            allowDeselect={false}
          />
          <Select
            label={t('calendar.service')}
            data={services.map((s) => ({ value: s.id, label: `${s.name} (${s.duration_minutes} min)` }))}
            value={serviceId}
            onChange={setServiceId}
            allowDeselect={false}
            nothingFoundMessage={t('calendar.book.noServices')}
          />
          <Select
            label={t('calendar.book.time')}
            data={options}
            value={slotStart}
            onChange={setSlotStart}
            allowDeselect={false}
            placeholder={slots.isLoading ? t('common.loading') : t('calendar.book.noSlots')}
            disabled={!options.length}
          />
        </Group>
        <SegmentedControl
          value={mode}
          onChange={(value) => setMode(value as 'search' | 'new')}
          data={[
            { value: 'search', label: t('calendar.book.existing') },
            { value: 'new', label: t('calendar.book.newPatient') },
          ]}
        />
        {mode === 'search' ? (
          <Stack gap={4}>
            <TextInput
              label={t('calendar.book.search')}
              placeholder={t('calendar.book.searchHint')}
              value={query}
              onChange={(e) => {
                setQuery(e.currentTarget.value);
                setCustomer(null);
              }}
            />
            {customer ? (
              <Text size="sm">{t('calendar.book.chosen', { name: customer.name ?? customer.customer_id })}</Text>
            ) : (
              (matches.data ?? []).map((m) => (
                <UnstyledButton key={m.customer_id} onClick={() => setCustomer(m)} p={4}>
                  <Text size="sm">
                    {m.name ?? t('calendar.book.noName')} · {m.phone ?? m.customer_id}
                  </Text>
                </UnstyledButton>
              ))
            )}
            {matches.data && matches.data.length === 0 && !customer && (
              <Text size="sm" c="dimmed">
                {t('calendar.book.noMatches')}
              </Text>
            )}
          </Stack>
        ) : (
          <Group grow align="flex-start">
            <TextInput
              label={t('calendar.book.phone')}
              placeholder="+5491155550101"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={phone && !phoneOk ? t('calendar.book.phoneInvalid') : undefined}
            />
            <TextInput label={t('calendar.book.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          </Group>
        )}
        <Checkbox
          label={t('calendar.notify')}
          checked={notify}
          onChange={(e) => setNotify(e.currentTarget.checked)}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} disabled={!ready} loading={book.isPending}>
            {t('calendar.book.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
