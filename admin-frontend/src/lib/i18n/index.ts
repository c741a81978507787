import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es from './locales/es.json';

export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];
const CHOICE_KEY = 'ai-assistants.language';

export const resources = { en: { translation: en }, es: { translation: es } } as const;

/** The user's explicit choice, if any (it wins over the project's locale). */
export function chosenLanguage(): Language | null {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(CHOICE_KEY);
  return value === 'es' || value === 'en' ? value : null;
}

export function toLanguage(locale: string | undefined | null): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'es';
}

export function chooseLanguage(language: Language) {
  localStorage.setItem(CHOICE_KEY, language);
  void i18n.changeLanguage(language);
}

/** Follows the project's locale unless the user picked a language. */
export function followProjectLocale(locale: string | undefined) {
  if (chosenLanguage() || !locale) return;
  const language = toLanguage(locale);
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: chosenLanguage() ?? 'es',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export default i18n;
