import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { LocalizedText } from '../../shared/validation';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Language = 'vi' | 'en';

interface I18n {
  readonly lang: Language;
  readonly t: (key: MessageKey) => string;
  /** Picks the right half of a `{vi, en}` text that came from the core. */
  readonly pick: (text: LocalizedText) => string;
  readonly toggle: () => void;
}

const I18nContext = createContext<I18n | undefined>(undefined);
const storageKey = 'motcua.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(() => (localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi'));
  const toggle = useCallback(() => {
    setLang((current) => {
      const next = current === 'vi' ? 'en' : 'vi';
      localStorage.setItem(storageKey, next);
      document.documentElement.lang = next;
      return next;
    });
  }, []);
  const value = useMemo<I18n>(() => {
    const table = lang === 'vi' ? vi : en;
    return { lang, t: (key) => table[key], pick: (text) => text[lang], toggle };
  }, [lang, toggle]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Both languages of one message, for a notice kept in state and shown in whichever language is chosen later. */
export function bothLanguages(key: MessageKey): LocalizedText {
  return { vi: vi[key], en: en[key] };
}
