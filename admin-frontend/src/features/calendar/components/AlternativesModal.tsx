import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Alternative {
  start: string;
  local_start: string;
  professional_id: string;
  professional_name?: string | null;
}

/**
 * A move was refused: the time was just taken (the server's alternatives) or is not a bookable
 * slot (the free slots of that day). Staff pick one, or keep the booking where it was.
 */
export function AlternativesModal({
  reason,
  alternatives,
  onPick,
  onClose,
}: {
  reason: 'taken' | 'outside' | null;
  alternatives: Alternative[];
  onPick(alternative: Alternative): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={reason !== null}
      onClose={onClose}
      title={t(`calendar.alternatives.${reason ?? 'taken'}`)}
    >
      <Stack>
        <Text size="sm">{alternatives.length ? t('calendar.alternatives.pick') : t('calendar.alternatives.none')}</Text>
        <SimpleGrid cols={2}>
          {alternatives.map((a) => (
            <Button key={`${a.professional_id}-${a.start}`} variant="light" onClick={() => onPick(a)}>
              {a.local_start.slice(5, 10).split('-').reverse().join('/')} {a.local_start.slice(11, 16)}
              {a.professional_name ? ` · ${a.professional_name}` : ''}
            </Button>
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('calendar.alternatives.keep')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
