import type { SourcemarkDB } from './db';
import { DEFAULT_SETTINGS } from '../model/settings-defaults';
import { SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from '../model/settings';

export { LANGUAGES, SettingsPatchSchema, SettingsSchema, type LanguageSetting, type Settings, type SettingsPatch } from '../model/settings';

/**
 * The reader's settings, one row per setting in the `settings` table (key = setting name), so a
 * release that adds a setting needs no migration: a missing row reads as its default. Every row is
 * validated on read; a value an older or newer release wrote in another shape falls back to the
 * default instead of breaking the popup or the content script.
 */

export { DEFAULT_SETTINGS } from '../model/settings-defaults';

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

export async function readSettings(db: SourcemarkDB): Promise<Settings> {
  const rows = await db.settings.bulkGet(KEYS);
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  KEYS.forEach((key, i) => {
    const row = rows[i];
    if (row && SettingsSchema.shape[key].safeParse(row.value).success) out[key] = row.value;
  });
  // Each field was checked against its own schema above; this only narrows the type.
  return SettingsSchema.parse(out);
}

/** Validates the whole patch before writing any of it; answers with every setting after. */
export async function writeSettings(db: SourcemarkDB, patch: SettingsPatch): Promise<Settings> {
  const valid = SettingsPatchSchema.parse(patch);
  const rows = Object.entries(valid)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value }));
  return db.transaction('rw', db.settings, async () => {
    if (rows.length) await db.settings.bulkPut(rows);
    return readSettings(db);
  });
}
