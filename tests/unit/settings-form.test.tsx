import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SettingsForm from '@/components/ui/options/SettingsForm';
import { EnvContext, type PopupEnv } from '@/components/ui/popup/env';
import { popupStrings } from '@/components/vocabulary/strings';
import { DEFAULT_SETTINGS } from '@/storage/model/settings-defaults';
import type { Settings } from '@/storage/model/settings';
import type { SourcemarkDB } from '@/storage/db/db';

// The background, as the page sees it: `request` is what the test makes it.
const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('@/storage/messaging/client', () => ({ request: mocks.request }));

const env: PopupEnv = {
  // The form reads nothing from the database: it is shown the stored settings.
  db: null as unknown as SourcemarkDB,
  lang: 'en',
  t: popupStrings.en,
  actions: { saveNote: async () => {}, remove: async () => {}, go: async () => {} },
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  mocks.request.mockReset();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(settings: Settings): void {
  render(
    <EnvContext.Provider value={env}>
      <SettingsForm settings={settings} />
    </EnvContext.Provider>,
    root,
  );
}

const claimsBox = () => root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
const frame = () => new Promise((r) => setTimeout(r, 50));

describe('the options page settings form', () => {
  it('keeps a choice made at once after opening: nothing run after mounting switches it back', async () => {
    mocks.request.mockResolvedValue({ settings: {} });
    show({ ...DEFAULT_SETTINGS });
    claimsBox().click();
    await frame();
    expect(claimsBox().checked).toBe(false);
    expect(mocks.request).toHaveBeenCalledWith({ type: 'settings.set', patch: { claimsEnabled: false } });
  });

  it('follows the stored settings when they change elsewhere', async () => {
    show({ ...DEFAULT_SETTINGS, claimsEnabled: true });
    expect(claimsBox().checked).toBe(true);
    show({ ...DEFAULT_SETTINGS, claimsEnabled: false });
    await frame();
    expect(claimsBox().checked).toBe(false);
    show({ ...DEFAULT_SETTINGS, claimsEnabled: true });
    await frame();
    expect(claimsBox().checked).toBe(true);
    expect(mocks.request).not.toHaveBeenCalled();
  });

  it('puts the stored value back and says why when saving fails', async () => {
    mocks.request.mockRejectedValue(new Error('quota exceeded'));
    show({ ...DEFAULT_SETTINGS, claimsEnabled: true });
    claimsBox().click();
    await vi.waitFor(() => expect(root.textContent).toContain('quota exceeded'));
    expect(claimsBox().checked).toBe(true);
  });
});
