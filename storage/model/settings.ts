import { z } from 'zod';
import { ColorSchema } from './annotation';

/**
 * The reader's settings as data: their schema, apart from where they are stored
 * (storage/db/settings.ts), so the message protocol can declare them without the database.
 */

import { LANGUAGES } from './settings-defaults';

export { LANGUAGES, type LanguageSetting } from './settings-defaults';

export const SettingsSchema = z.strictObject({
  /** Mark unsourced claims on NetEase Hao pages. */
  claimsEnabled: z.boolean(),
  /** Show the self-media banner above the title. */
  bannerEnabled: z.boolean(),
  /** Colour of a plain "highlight". */
  defaultColor: ColorSchema,
  /** 'auto' follows the browser's language. */
  language: z.enum(LANGUAGES),
  /** Without sync: save a JSON-LD copy of every annotation to the Downloads folder once a week. */
  weeklyBackup: z.boolean(),
  /** Count, per self-media account, the articles the reader opens (the account ledger). Local only. */
  ledgerEnabled: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export { DEFAULT_SETTINGS } from './settings-defaults';
