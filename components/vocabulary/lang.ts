import type { LanguageSetting } from '@/storage/model/settings-defaults';

/**
 * Which of the two languages a page speaks. Apart from the string tables so that the popup's
 * first script, which must stay small, can pick the language without loading them.
 */
export type Lang = 'zh' | 'en';

/** `zh`, `zh-CN`, `zh-Hant-TW` … read Chinese; everything else reads English. */
export function langOf(tag: string | undefined | null): Lang {
  return tag && /^zh\b/i.test(tag) ? 'zh' : 'en';
}

/** The language setting wins; 'auto' follows the browser. */
export function resolveLang(setting: LanguageSetting | undefined, browserLanguage: string | undefined): Lang {
  return setting === 'zh' || setting === 'en' ? setting : langOf(browserLanguage);
}
