import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Modal,
  MultiSelect,
  NumberInput,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '@/lib/api/client';
import type { Booking, Professional, ProfessionalRequest, Service, ServiceRequest } from '@/lib/api/types';
import { hasRole, useAuth } from '@/lib/auth/auth';
import { useProfessionals, useSaveProfessional, useSaveService, useServices, type FutureBookings } from '../api/catalogue';
import { FutureBookingsModal } from '../components/FutureBookingsModal';
import { GoogleCalendarCard, type GoogleReturn } from '../components/GoogleCalendarCard';
import { HoursEditor } from '../components/HoursEditor';

type Save<B> = (body: B, future?: FutureBookings, notify?: boolean) => Promise<unknown>;

/** Runs a save; a 409 future-bookings answer opens the "what to do with them" question and retries with the choice. */
function useGuardedSave<B>(save: Save<B>, onDone: () => void) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<{ body: B; bookings: Booking[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (body: B, future?: FutureBookings, notify?: boolean) => {
    setError(null);
    try {
      await save(body, future, notify);
      setPending(null);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && String(e.problem.type).endsWith('/future-bookings')) {
        setPending({ body, bookings: (e.problem.bookings as Booking[]) ?? [] });
      } else {
        setError(e instanceof Error ? e.message : t('errors.generic'));
      }
    }
  };
  const modal = (
    <FutureBookingsModal
      bookings={pending?.bookings ?? null}
      onClose={() => setPending(null)}
      onDecide={(choice, notify) => pending && void run(pending.body, choice, notify)}
    />
  );
  return { run, error, modal };
}

function ProfessionalForm({
  professional,
  services,
  onClose,
}: {
  professional: Professional | null;
  services: Service[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const save = useSaveProfessional();
  const [body, setBody] = useState<ProfessionalRequest>({
    name: professional?.name ?? '',
    specialty: professional?.specialty ?? '',
    email: professional?.email ?? '',
    phone: professional?.phone ?? '',
    active: professional?.active ?? true,
    service_ids: professional?.service_ids ?? [],
  });
  const guarded = useGuardedSave<ProfessionalRequest>(
    (b, future, notify) => save.mutateAsync({ id: professional?.id ?? null, body: b, future, notify }),
    onClose,
  );
  return (
    <Stack>
      <TextInput label={t('catalogue.name')} required value={body.name} onChange={(e) => setBody({ ...body, name: e.currentTarget.value })} />
      <TextInput label={t('catalogue.specialty')} value={body.specialty ?? ''} onChange={(e) => setBody({ ...body, specialty: e.currentTarget.value })} />
      <Group grow>
        <TextInput label={t('catalogue.email')} value={body.email ?? ''} onChange={(e) => setBody({ ...body, email: e.currentTarget.value })} />
        <TextInput label={t('catalogue.phone')} placeholder="+5491155550101" value={body.phone ?? ''} onChange={(e) => setBody({ ...body, phone: e.currentTarget.value })} />
      </Group>
      <MultiSelect
        label={t('catalogue.servicesGiven')}
        data={services.map((s) => ({ value: s.id, label: s.name }))}
        value={body.service_ids}
        onChange={(ids) => setBody({ ...body, service_ids: ids })}
      />
      <Switch label={t('catalogue.active')} checked={body.active} onChange={(e) => setBody({ ...body, active: e.currentTarget.checked })} />
      {guarded.error && (
        <Alert color="red" role="alert">
          {guarded.error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button loading={save.isPending} disabled={!body.name.trim()} onClick={() => void guarded.run(body)}>
          {t('catalogue.save')}
        </Button>
      </Group>
      {guarded.modal}
    </Stack>
  );
}

function ServiceForm({
  service,
  professionals,
  onClose,
}: {
  service: Service | null;
  professionals: Professional[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const save = useSaveService();
  const [body, setBody] = useState<ServiceRequest>({
    name: service?.name ?? '',
    description: service?.description ?? '',
    duration_minutes: service?.duration_minutes ?? 30,
    buffer_minutes: service?.buffer_minutes ?? 0,
    price: service?.price ?? null,
    currency: service?.currency ?? 'ARS',
    active: service?.active ?? true,
    professional_ids: service?.professional_ids ?? [],
  });
  const guarded = useGuardedSave<ServiceRequest>(
    (b, future, notify) => save.mutateAsync({ id: service?.id ?? null, body: b, future, notify }),
    onClose,
  );
  return (
    <Stack>
      <TextInput label={t('catalogue.name')} required value={body.name} onChange={(e) => setBody({ ...body, name: e.currentTarget.value })} />
      <TextInput label={t('catalogue.description')} value={body.description ?? ''} onChange={(e) => setBody({ ...body, description: e.currentTarget.value })} />
      <Group grow>
        <NumberInput label={t('catalogue.duration')} min={5} max={480} step={5} value={body.duration_minutes} onChange={(v) => setBody({ ...body, duration_minutes: Number(v) || 0 })} />
        <NumberInput label={t('catalogue.buffer')} min={0} max={240} step={5} value={body.buffer_minutes} onChange={(v) => setBody({ ...body, buffer_minutes: Number(v) || 0 })} />
      </Group>
      <Group grow>
        <NumberInput label={t('catalogue.price')} min={0} decimalScale={2} value={body.price ?? ''} onChange={(v) => setBody({ ...body, price: v === '' ? null : Number(v) })} />
        <TextInput label={t('catalogue.currency')} maxLength={3} value={body.currency ?? ''} onChange={(e) => setBody({ ...body, currency: e.currentTarget.value.toUpperCase() || null })} />
      </Group>
      <MultiSelect
        label={t('catalogue.givenBy')}
        data={professionals.map((p) => ({ value: p.id, label: p.name }))}
        value={body.professional_ids}
        onChange={(ids) => setBody({ ...body, professional_ids: ids })}
      />
      <Switch label={t('catalogue.active')} checked={body.active} onChange={(e) => setBody({ ...body, active: e.currentTarget.checked })} />
      {guarded.error && (
        <Alert color="red" role="alert">
          {guarded.error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button loading={save.isPending} disabled={!body.name.trim()} onClick={() => void guarded.run(body)}>
          {t('catalogue.save')}
        </Button>
      </Group>
      {guarded.modal}
    </Stack>
  );
}

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light">
      {active ? t('catalogue.active') : t('catalogue.inactive')}
    </Badge>
  );
}

/** Professionals, services, weekly hours and time off. Staff read; admin and owner edit. */
export function CatalogueRoute() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const canEdit = hasRole(me?.role, 'admin');
  const professionals = useProfessionals();
  const services = useServices();
  const [editingProfessional, setEditingProfessional] = useState<Professional | 'new' | null>(null);
  const [editingService, setEditingService] = useState<Service | 'new' | null>(null);
  const [hoursOf, setHoursOf] = useState<Professional | null>(null);
  // back from Google: /catalogue?google=connected&professional=<id> (or google=error&reason=…) opens that drawer
  const [params, setParams] = useSearchParams();
  const [googleReturn, setGoogleReturn] = useState<GoogleReturn>(null);
  const googleProfessional = params.get('professional');
  useEffect(() => {
    const outcome = params.get('google');
    if (!outcome || !professionals.data) return;
    const back = professionals.data.find((p) => p.id === googleProfessional);
    if (back) setHoursOf(back);
    setGoogleReturn(outcome === 'connected' ? { outcome: 'connected' } : { outcome: 'error', reason: params.get('reason') ?? '' });
    setParams({}, { replace: true });
  }, [params, googleProfessional, professionals.data, setParams]);
  const serviceName = new Map((services.data ?? []).map((s) => [s.id, s.name]));
  const professionalName = new Map((professionals.data ?? []).map((p) => [p.id, p.name]));

  if (!professionals.data || !services.data) {
    if (professionals.isError || services.isError) return <Alert color="red">{t('errors.generic')}</Alert>;
    return <Loader aria-label={t('common.loading')} />;
  }
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('catalogue.title')}
      </Title>
      {!canEdit && <Text c="dimmed">{t('catalogue.readOnly')}</Text>}
      {googleReturn?.outcome === 'error' && !hoursOf && (
        <Alert color="red" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setGoogleReturn(null)}>
          {t('catalogue.google.failed', { reason: googleReturn.reason })}
        </Alert>
      )}
      <Tabs defaultValue="professionals">
        <Tabs.List>
          <Tabs.Tab value="professionals">{t('catalogue.professionals')}</Tabs.Tab>
          <Tabs.Tab value="services">{t('catalogue.services')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="professionals" pt="md">
          {canEdit && (
            <Button mb="sm" onClick={() => setEditingProfessional('new')}>
              {t('catalogue.addProfessional')}
            </Button>
          )}
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogue.name')}</Table.Th>
                <Table.Th>{t('catalogue.specialty')}</Table.Th>
                <Table.Th>{t('catalogue.servicesGiven')}</Table.Th>
                <Table.Th>{t('catalogue.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {professionals.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.specialty}</Table.Td>
                  <Table.Td>{p.service_ids.map((id) => serviceName.get(id) ?? id).join(', ')}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={p.active} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => setHoursOf(p)} aria-label={t('catalogue.hoursOf', { name: p.name })}>
                        {t('catalogue.hoursAndTimeOff')}
                      </Button>
                      {canEdit && (
                        <Button size="xs" variant="default" onClick={() => setEditingProfessional(p)} aria-label={t('catalogue.editNamed', { name: p.name })}>
                          {t('catalogue.edit')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="services" pt="md">
          {canEdit && (
            <Button mb="sm" onClick={() => setEditingService('new')}>
              {t('catalogue.addService')}
            </Button>
          )}
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogue.name')}</Table.Th>
                <Table.Th>{t('catalogue.duration')}</Table.Th>
                <Table.Th>{t('catalogue.buffer')}</Table.Th>
                <Table.Th>{t('catalogue.price')}</Table.Th>
                <Table.Th>{t('catalogue.givenBy')}</Table.Th>
                <Table.Th>{t('catalogue.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {services.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{t('catalogue.minutes', { count: s.duration_minutes })}</Table.Td>
                  <Table.Td>{t('catalogue.minutes', { count: s.buffer_minutes })}</Table.Td>
                  <Table.Td>{s.price === null ? '—' : `${s.price} ${s.currency ?? ''}`}</Table.Td>
                  <Table.Td>{s.professional_ids.map((id) => professionalName.get(id) ?? id).join(', ')}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={s.active} />
                  </Table.Td>
                  <Table.Td>
                    {canEdit && (
                      <Button size="xs" variant="default" onClick={() => setEditingService(s)} aria-label={t('catalogue.editNamed', { name: s.name })}>
                        {t('catalogue.edit')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={editingProfessional !== null}
        onClose={() => setEditingProfessional(null)}
        title={editingProfessional === 'new' ? t('catalogue.addProfessional') : t('catalogue.editProfessional')}
      >
        {editingProfessional !== null && (
          <ProfessionalForm
            professional={editingProfessional === 'new' ? null : editingProfessional}
            services={services.data}
            onClose={() => setEditingProfessional(null)}
          />
        )}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={editingService !== null}
        onClose={() => setEditingService(null)}
        title={editingService === 'new' ? t('catalogue.addService') : t('catalogue.editService')}
      >
        {editingService !== null && (
          <ServiceForm
            service={editingService === 'new' ? null : editingService}
            professionals={professionals.data}
            onClose={() => setEditingService(null)}
          />
        )}
      </Modal>
      <Drawer
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={hoursOf !== null}
        onClose={() => {
          setHoursOf(null);
          setGoogleReturn(null);
        }}
        position="right"
        size="lg"
        title={hoursOf ? t('catalogue.hoursOf', { name: hoursOf.name }) : ''}
      >
        {hoursOf && (
          <Stack>
            <GoogleCalendarCard
              professionalId={hoursOf.id}
              professionalName={hoursOf.name}
              canEdit={canEdit}
              returned={googleReturn}
            />
            <HoursEditor professionalId={hoursOf.id} canEdit={canEdit} />
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}
