import en from './messages/en.json' with { type: 'json' };
import cy from './messages/cy.json' with { type: 'json' };

/**
 * The portal's message catalogues: every word a portal page shows is a key of `messages/en.json`. Another
 * language is one more catalogue (Welsh, `cy`, ships with the headings, buttons and stages); a key missing
 * from it falls back to English. Chosen with `?lang=cy`, remembered in a cookie.
 */
type Catalogue = { [key: string]: string | Catalogue };

export const CATALOGUES: Record<string, Catalogue> = { en, cy };
export const LANGUAGES = Object.keys(CATALOGUES);
export type Language = keyof typeof CATALOGUES;
export const LANGUAGE_COOKIE = 'probity_lang';

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** `t(key, params)`: the language's text, or English, with `{name}` replaced; an unknown key throws (a test catches it). */
export function translator(language: string): Translate {
  const catalogue = CATALOGUES[language] ?? en;
  return (key, params = {}) => {
    const text = lookup(catalogue, key) ?? lookup(en, key);
    if (text === undefined) throw new Error(`No portal message "${key}"`);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** The language asked for (query first, then the cookie), or English. */
export function pickLanguage(query: unknown, cookie: unknown): string {
  for (const candidate of [query, cookie])
    if (typeof candidate === 'string' && candidate in CATALOGUES) return candidate;
  return 'en';
}

/** "2 March 2026" in the language's month names. */
export function formatDay(t: Translate, iso: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return '';
  return `${Number(match[3])} ${t(`months.m${Number(match[2])}`)} ${match[1]}`;
}

/** Every string of a catalogue (for the test that a page prints only catalogue text). */
export function allMessages(language = 'en'): string[] {
  const out: string[] = [];
  const walk = (node: Catalogue) => {
    for (const value of Object.values(node)) {
      if (typeof value === 'string') out.push(value);
      else walk(value);
    }
  };
  walk(CATALOGUES[language] ?? en);
  return out;
}
