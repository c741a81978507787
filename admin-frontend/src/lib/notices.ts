import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

/** How a failed action is told on every page: a red notice titled "action failed" with the server's message. */
export function useFailureNotice(): (error: unknown) => void {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) =>
      notifications.show({ color: 'red', title: t('errors.actionFailed'), message: error instanceof Error ? error.message : '' }),
    [t],
  );
}
