import { resolveLang, type Lang } from '@/components/vocabulary/lang';
import type { LanguageSetting } from '@/storage/model/settings-defaults';

/**
 * The page's language from a setting already read, set on its `<html>`. Apart from page-lang.ts
 * (which reads the setting through Dexie) so that the popup's first script takes no Dexie.
 */
export function applyLang(language: LanguageSetting): Lang {
  const lang = resolveLang(language, navigator.language);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  return lang;
}
