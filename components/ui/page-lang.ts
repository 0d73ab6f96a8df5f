import { resolveLang, type Lang } from '@/components/vocabulary/lang';
import type { LanguageSetting } from '@/storage/model/settings-defaults';
import type { SourcemarkDB } from '@/storage/db/db';
import { readSettings } from '@/storage/db/settings';

/**
 * The language an extension page speaks, from the reader's setting, set on its `<html>`. A
 * settings read that fails (a database from a newer release) falls back to the browser's
 * language rather than leaving the page blank.
 */
export async function pageLang(db: SourcemarkDB): Promise<Lang> {
  const language = await readSettings(db).then(
    (s) => s.language,
    () => 'auto' as const,
  );
  return applyLang(language);
}

/** The page's language from a setting already read (the popup's first script reads it itself). */
export function applyLang(language: LanguageSetting): Lang {
  const lang = resolveLang(language, navigator.language);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  return lang;
}
