import { beforeEach, describe, expect, it } from 'vitest';
import { SourcemarkDB } from '@/storage/db/db';
import { DEFAULT_SETTINGS, SettingsStore, readSettings, writeSettings } from '@/storage/db/settings';

describe('settings', () => {
  let db: SourcemarkDB;
  beforeEach(() => {
    db = new SourcemarkDB(`settings-${Math.random()}`);
  });

  it('reads the defaults when nothing was ever set', async () => {
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('writes a patch and reads every setting back', async () => {
    const after = await writeSettings(db, { bannerEnabled: false, language: 'en' });
    expect(after).toEqual({ ...DEFAULT_SETTINGS, bannerEnabled: false, language: 'en' });
    expect(await new SettingsStore(db).get()).toEqual(after);
    expect(await db.settings.get('bannerEnabled')).toEqual({ key: 'bannerEnabled', value: false });
  });

  it('refuses a bad patch whole, writing none of it', async () => {
    await expect(
      writeSettings(db, { claimsEnabled: false, defaultColor: 'red' as never }),
    ).rejects.toThrow();
    expect(await db.settings.count()).toBe(0);
  });

  it('falls back to the default for a stored value of the wrong shape', async () => {
    await db.settings.bulkPut([
      { key: 'defaultColor', value: 'chartreuse' },
      { key: 'claimsEnabled', value: 'yes' },
      { key: 'language', value: 'zh' },
      { key: 'someOldSetting', value: 1 },
    ]);
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, language: 'zh' });
  });
});

describe('settings messages', () => {
  it('answers settings.get and settings.set through the background handler', async () => {
    const { handleMessage } = await import('@/entrypoints/background/handlers');
    const { AnnotationStore } = await import('@/storage/db/annotation-store');
    const db = new SourcemarkDB(`settings-msg-${Math.random()}`);
    const deps = { store: new AnnotationStore(db), injectInto: async () => {}, settings: new SettingsStore(db) };
    expect(await handleMessage(deps, { type: 'settings.get' })).toEqual({ ok: true, data: { settings: DEFAULT_SETTINGS } });
    expect(await handleMessage(deps, { type: 'settings.set', patch: { claimsEnabled: false } })).toEqual({
      ok: true,
      data: { settings: { ...DEFAULT_SETTINGS, claimsEnabled: false } },
    });
    const bad = await handleMessage(deps, { type: 'settings.set', patch: { claimsEnabled: false, extra: 1 } });
    expect(bad.ok).toBe(false);
    const wrong = await handleMessage(deps, { type: 'settings.set', patch: { language: 'fr' } });
    expect(wrong).toMatchObject({ ok: false });
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, claimsEnabled: false });
  });
});
