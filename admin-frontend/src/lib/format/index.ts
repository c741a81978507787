import { useAuth } from '@/lib/auth/auth';
import { useTranslation } from 'react-i18next';

/** Date and number formatting in the UI language and the project's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const { project } = useAuth();
  const locale = i18n.language === 'en' ? 'en-US' : 'es-AR';
  const timeZone = project?.time_zone;
  // clinics in Spanish-speaking countries read 24-hour times
  const hourCycle = i18n.language === 'en' ? undefined : ('h23' as const);
  const safe = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, hourCycle, timeZone });
    } catch {
      return new Intl.DateTimeFormat(locale, { ...options, hourCycle });
    }
  };
  const time = safe({ hour: '2-digit', minute: '2-digit' });
  const dayTime = safe({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const day = safe({ day: 'numeric', month: 'short' });
  const hour = safe({ hour: '2-digit' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    locale,
    timeZone,
    time: (iso: string) => time.format(new Date(iso)),
    /** Time alone for today, day and time otherwise. */
    when: (iso: string) => {
      const date = new Date(iso);
      return date.toDateString() === new Date().toDateString() ? time.format(date) : dayTime.format(date);
    },
    day: (iso: string) => day.format(new Date(iso)),
    dayTime: (iso: string) => dayTime.format(new Date(iso)),
    hour: (iso: string) => hour.format(new Date(iso)),
    percent: (value: number) => percent.format(value),
  };
}
