// The language a staff page speaks, Vietnamese first: the choice is kept per page in the
// browser, and the document says it (screen readers read Vietnamese as Vietnamese).

import { useEffect, useState } from 'preact/hooks';

export type PageLang = 'vi' | 'en';

/** The page's language and the toggle between the two; `key` names where the choice is kept. */
export function usePageLanguage(key: string): [PageLang, () => void] {
  const [lang, setLang] = useState<PageLang>(() => (localStorage.getItem(key) === 'en' ? 'en' : 'vi'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const toggle = () => {
    const next = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem(key, next);
    setLang(next);
  };
  return [lang, toggle];
}
