import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Divider, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TimeField } from '@/components/TimeField';
import type { WorkingRange } from '@/lib/api/types';
import { useFormat } from '@/lib/format';
import { fromWall } from '@/lib/format/zone';
import { useAddTimeOff, useHours, useRemoveTimeOff, useSetHours } from '../api/catalogue';
import { DateOverridesEditor } from './DateOverridesEditor';

const DAYS: WorkingRange['day_of_week'][] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

function wallOf(local: string) {
  const [date, time] = local.split('T');
  const [year, month, day] = (date ?? '').split('-').map(Number);
  const [hour, minute] = (time ?? '').split(':').map(Number);
  return { year: year!, month: month!, day: day!, hour: hour ?? 0, minute: minute ?? 0 };
}

/** A professional's weekly hours (several ranges a day), time off and date overrides, in the clinic's time zone. */
export function HoursEditor({ professionalId, canEdit }: { professionalId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hours = useHours(professionalId);
  const setHours = useSetHours();
  const addTimeOff = useAddTimeOff();
  const removeTimeOff = useRemoveTimeOff();
  const [ranges, setRanges] = useState<WorkingRange[]>([]);
  const [offStart, setOffStart] = useState('');
  const [offEnd, setOffEnd] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (hours.data) setRanges(hours.data.ranges.map((r) => ({ ...r, start: r.start.slice(0, 5), end: r.end.slice(0, 5) })));
  }, [hours.data]);

  if (!hours.data) return <Loader size="sm" aria-label={t('common.loading')} />;
  const zone = hours.data.time_zone;

  const attempt = async (action: () => Promise<unknown>) => {
    setError(null);
    setSaved(false);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : t('errors.generic'));
      return false;
    }
  };
  const update = (index: number, patch: Partial<WorkingRange>) =>
    setRanges((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('catalogue.hours.zone', { zone })}
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table>
        <Table.Tbody>
          {DAYS.map((day) => {
            const indexed = ranges.map((r, i) => [r, i] as const).filter(([r]) => r.day_of_week === day);
            return (
              <Table.Tr key={day}>
                <Table.Td w={110}>{t(`catalogue.days.${day}`)}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {indexed.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('catalogue.hours.dayOff')}
                      </Text>
                    )}
                    {indexed.map(([range, index]) => (
                      <Group key={index} gap={6}>
                        <TimeField
                          label={t('catalogue.hours.from', { day: t(`catalogue.days.${day}`) })}
                          value={range.start}
                          onChange={(start) => update(index, { start })}
                          disabled={!canEdit}
                        />
                        <Text size="sm">–</Text>
                        <TimeField
                          label={t('catalogue.hours.to', { day: t(`catalogue.days.${day}`) })}
                          value={range.end}
                          onChange={(end) => update(index, { end })}
                          disabled={!canEdit}
                        />
                        {canEdit && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('catalogue.hours.remove')}
                            onClick={() => setRanges((current) => current.filter((_, i) => i !== index))}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        )}
                      </Group>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td w={50}>
                  {canEdit && (
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('catalogue.hours.add', { day: t(`catalogue.days.${day}`) })}
                      onClick={() => setRanges((current) => [...current, { day_of_week: day, start: '09:00', end: '13:00' }])}
                    >
                      <IconPlus size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Group>
          <Button
            loading={setHours.isPending}
            onClick={async () => setSaved(await attempt(() => setHours.mutateAsync({ professionalId, ranges })))}
          >
            {t('catalogue.hours.save')}
          </Button>
          {saved && <Text size="sm">{t('catalogue.saved')}</Text>}
        </Group>
      )}

      <Divider />
      <Title order={3} size="h5">
        {t('catalogue.timeOff.title')}
      </Title>
      {hours.data.time_off.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('catalogue.timeOff.none')}
        </Text>
      )}
      {hours.data.time_off.map((off) => (
        <Group key={off.id} justify="space-between">
          <Text size="sm">
            {format.dayTime(off.start)} – {format.dayTime(off.end)}
            {off.reason ? ` · ${off.reason}` : ''}
          </Text>
          {canEdit && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => void attempt(() => removeTimeOff.mutateAsync({ professionalId, timeOffId: off.id }))}
            >
              {t('catalogue.timeOff.remove')}
            </Button>
          )}
        </Group>
      ))}
      {canEdit && (
        <Group align="flex-end">
          <TextInput
            type="datetime-local"
            label={t('catalogue.timeOff.start')}
            value={offStart}
            onChange={(e) => setOffStart(e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('catalogue.timeOff.end')}
            value={offEnd}
            onChange={(e) => setOffEnd(e.currentTarget.value)}
          />
          <TextInput label={t('catalogue.timeOff.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button
            variant="light"
            disabled={!offStart || !offEnd}
            loading={addTimeOff.isPending}
            onClick={async () => {
              const ok = await attempt(() =>
                addTimeOff.mutateAsync({
                  professionalId,
                  start: fromWall(wallOf(offStart), zone).toISOString(),
                  end: fromWall(wallOf(offEnd), zone).toISOString(),
                  reason: reason.trim() || null,
                }),
              );
              if (ok) {
                setOffStart('');
                setOffEnd('');
                setReason('');
              }
            }}
          >
            {t('catalogue.timeOff.add')}
          </Button>
        </Group>
      )}

      <Divider />
      <DateOverridesEditor
        professionalId={professionalId}
        overrides={hours.data.date_overrides}
        canEdit={canEdit}
        attempt={attempt}
      />
    </Stack>
  );
}
