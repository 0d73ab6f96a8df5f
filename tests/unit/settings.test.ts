import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourcemarkDB } from '@/storage/db/db';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from '@/storage/db/settings';
import { contentScript, harness, popup, type Harness } from './background-harness';

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
    expect(await readSettings(db)).toEqual(after);
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
  let h: Harness;
  beforeEach(() => {
    h = harness(`settings-msg-${Math.random()}`);
  });
  afterEach(() => h.close());

  it('answers settings.get and settings.set from an extension page', async () => {
    expect(await h.ask(popup(), { type: 'settings.get' })).toEqual({ ok: true, data: { settings: DEFAULT_SETTINGS } });
    expect(await h.ask(popup(), { type: 'settings.set', patch: { claimsEnabled: false } })).toEqual({
      ok: true,
      data: { settings: { ...DEFAULT_SETTINGS, claimsEnabled: false } },
    });
    const bad = await h.ask(popup(), { type: 'settings.set', patch: { claimsEnabled: false, extra: 1 } });
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/^invalid message: patch/) });
    const wrong = await h.ask(popup(), { type: 'settings.set', patch: { language: 'fr' } });
    expect(wrong).toEqual({ ok: false, error: expect.stringMatching(/^invalid message: patch\.language/) });
    expect(await readSettings(h.db)).toEqual({ ...DEFAULT_SETTINGS, claimsEnabled: false });
  });

  it('lets a content script read the settings', async () => {
    await writeSettings(h.db, { language: 'en' });
    expect(await h.ask(contentScript('https://example.com/a'), { type: 'settings.get' })).toEqual({
      ok: true,
      data: { settings: { ...DEFAULT_SETTINGS, language: 'en' } },
    });
  });

  it('refuses settings.set from a content script, and changes nothing', async () => {
    const r = await h.ask(contentScript('https://example.com/a'), { type: 'settings.set', patch: { claimsEnabled: false } });
    expect(r).toEqual({ ok: false, error: 'refused: settings.set is not for this sender' });
    expect(await h.db.settings.count()).toBe(0);
  });
});
