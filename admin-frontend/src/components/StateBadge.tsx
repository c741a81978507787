import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConversationState } from '@/lib/api/types';

const colors: Record<ConversationState, string> = { bot: 'teal', staff: 'indigo', needs_human: 'red' };

export function StateBadge({ state }: { state: ConversationState }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[state]} variant={state === 'needs_human' ? 'filled' : 'light'} size="sm">
      {t(`inbox.state.${state}`)}
    </Badge>
  );
}
