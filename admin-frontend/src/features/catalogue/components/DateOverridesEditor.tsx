import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TimeField } from '@/components/TimeField';
import type { DateOverride } from '@/lib/api/types';
import { useRemoveDateOverride, useSetDateOverride } from '../api/catalogue';

type Range = DateOverride['ranges'][number];

/** "jueves 14 may" for a local date (no time zone shift: the date is the clinic's own). */
function useDateLabel() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-US' : 'es-AR', {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (date: string) => format.format(new Date(`${date}T00:00:00Z`));
}

const short = (time: string) => time.slice(0, 5);

/**
 * A professional's date overrides: on one date of the clinic's calendar, hours that replace the
 * weekly ones (several ranges), or closed all day. Listed with a remove button; added with a date,
 * ranges or "closed", and an optional reason.
 */
export function DateOverridesEditor(props: {
  professionalId: string;
  overrides: DateOverride[];
  canEdit: boolean;
  attempt(action: () => Promise<unknown>): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const label = useDateLabel();
  const setOverride = useSetDateOverride();
  const removeOverride = useRemoveDateOverride();
  const [date, setDate] = useState('');
  const [closed, setClosed] = useState(false);
  const [ranges, setRanges] = useState<Range[]>([{ start: '09:00', end: '13:00' }]);
  const [reason, setReason] = useState('');
  const { professionalId, canEdit, attempt } = props;

  const update = (index: number, patch: Partial<Range>) =>
    setRanges((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('catalogue.overrides.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('catalogue.overrides.intro')}
      </Text>
      {props.overrides.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('catalogue.overrides.none')}
        </Text>
      )}
      {props.overrides.map((o) => (
        <Group key={o.date} justify="space-between" wrap="nowrap" data-testid={`override-${o.date}`}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {label(o.date)}
            </Text>
            {o.ranges.length === 0 ? (
              <Badge color="gray" variant="light">
                {t('catalogue.overrides.closed')}
              </Badge>
            ) : (
              <Text size="sm">{o.ranges.map((r) => `${short(r.start)}–${short(r.end)}`).join(', ')}</Text>
            )}
            {o.reason && (
              <Text size="sm" c="dimmed">
                · {o.reason}
              </Text>
            )}
          </Group>
          {canEdit && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              aria-label={t('catalogue.overrides.removeOne', { date: label(o.date) })}
              onClick={() => void attempt(() => removeOverride.mutateAsync({ professionalId, date: o.date }))}
            >
              {t('catalogue.overrides.remove')}
            </Button>
          )}
        </Group>
      ))}
      {canEdit && (
        <Stack gap={6}>
          <Group align="flex-end">
            <TextInput
              type="date"
              label={t('catalogue.overrides.date')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
            <Checkbox
              label={t('catalogue.overrides.closedAllDay')}
              checked={closed}
              onChange={(e) => setClosed(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          {!closed &&
            ranges.map((range, index) => (
              <Group key={index} gap={6}>
                <TimeField
                  label={t('catalogue.overrides.from', { n: index + 1 })}
                  value={range.start}
                  onChange={(start) => update(index, { start })}
                />
                <Text size="sm">–</Text>
                <TimeField
                  label={t('catalogue.overrides.to', { n: index + 1 })}
                  value={range.end}
                  onChange={(end) => update(index, { end })}
                />
                {ranges.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('catalogue.overrides.removeRange', { n: index + 1 })}
                    onClick={() => setRanges((current) => current.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          <Group align="flex-end">
            {!closed && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setRanges((current) => [...current, { start: '14:00', end: '18:00' }])}
              >
                {t('catalogue.overrides.addRange')}
              </Button>
            )}
            <TextInput
              label={t('catalogue.overrides.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button
              variant="light"
              disabled={!date || (!closed && ranges.some((r) => !r.start || !r.end))}
              loading={setOverride.isPending}
              onClick={async () => {
                const ok = await attempt(() =>
                  setOverride.mutateAsync({
                    professionalId,
                    date,
                    ranges: closed ? [] : ranges,
                    reason: reason.trim() || null,
                  }),
                );
                if (ok) {
                  setDate('');
                  setClosed(false);
                  setRanges([{ start: '09:00', end: '13:00' }]);
                  setReason('');
                }
              }}
            >
              {t('catalogue.overrides.add')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
