import { TimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

type TimeFieldProps = {
  /** What the field holds, for screen readers (for example "Monday from"); its hour and minute parts say it too. */
  label: string;
  /** HH:MM, 24-hour */
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
};

/**
 * A time of day in 24-hour HH:MM, as the assistant writes times to patients, whatever the browser's own locale (a
 * native time input shows AM/PM in an English browser). Hour and minute are typed or picked apart; the value
 * changes once both are filled.
 */
export function TimeField({ label, value, onChange, disabled }: TimeFieldProps) {
  const { t } = useTranslation();
  return (
    <TimePicker
      format="24h"
      role="group"
      aria-label={label}
      hoursInputLabel={t('time.hoursOf', { field: label })}
      minutesInputLabel={t('time.minutesOf', { field: label })}
      value={value}
      onChange={onChange}
      disabled={disabled}
      w={96}
    />
  );
}
