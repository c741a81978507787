import { useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveEvent } from '@/lib/live/events';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

/** A patient asking for a person: an in-page alert and, when allowed, a browser notification. */
export function NeedsHumanAlerts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useLiveEvent((event) => {
    if (event.type !== 'needs_human' || !event.conversation_id) return;
    const id = event.conversation_id;
    const open = () => navigate(`/inbox/${encodeURIComponent(id)}`);
    notifications.show({
      id: `needs-human-${id}`,
      color: 'red',
      title: t('inbox.needsHumanTitle'),
      message: event.text ?? t('inbox.needsHumanText'),
      autoClose: 10_000,
      onClick: open,
    });
    if (supported() && Notification.permission === 'granted') {
      const note = new Notification(t('inbox.needsHumanTitle'), { body: event.text ?? t('inbox.needsHumanText'), tag: id });
      note.onclick = () => {
        window.focus();
        open();
      };
    }
  });
  return null;
}

export function NotificationPermissionButton() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(() => (supported() ? Notification.permission : 'denied'));
  if (permission !== 'default') return null;
  return (
    <Button
      size="xs"
      variant="subtle"
      leftSection={<IconBell size={16} aria-hidden />}
      visibleFrom="md"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {t('inbox.enableNotifications')}
    </Button>
  );
}
