import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, languages, type Language } from '@/lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={i18n.language}
      onChange={(value) => chooseLanguage(value as Language)}
      data={languages.map((language) => ({ value: language, label: language.toUpperCase() }))}
    />
  );
}
