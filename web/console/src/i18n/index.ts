// Every string on screen is keyed; English and te reo Māori. The chosen language is kept in localStorage.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { mi } from './mi.ts';

export const LANGUAGES = ['en', 'mi'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'pono.language';

function storedLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === 'mi' ? 'mi' : 'en';
}

export const resources = { en, mi } as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export function setLanguage(language: Language): void {
  window.localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18next;
