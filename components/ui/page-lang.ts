import type { Lang } from '@/components/vocabulary/lang';
import type { SourcemarkDB } from '@/storage/db/db';
import { readSettings } from '@/storage/db/settings';
import { applyLang } from './apply-lang';

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
