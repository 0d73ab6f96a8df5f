import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { SyncStatus } from '../../components/sync/status';
import { launch, seed, serveSeeds, type Harness } from './harness';
import { dragSelect, highlightTexts, noteFrame } from './select';

/**
 * What the sync tests do as a reader does it, on one browser profile (a "device"): set sync up on
 * the options page, press "Sync now", highlight and write notes on the seed article, read and edit
 * them in the popup. Also the request recorder that proves which servers each device contacted.
 */

export const ARTICLE = seed('netease-hao-desktop.html');
/** A part of the article's title: the popup groups annotations under it. */
export const TITLE_PART = '美俄乌会谈无果而终';
/** What the local sync servers' addresses match; the build copy grants it (see harness `grantHosts`). */
export const LOCAL_HOSTS = 'http://127.0.0.1/*';
/** Long enough for a sync over a server that answers slowly after a restart. */
const SYNC_TIMEOUT = 20_000;

/** An extension page's `chrome`; typed here since the tests do not load Chrome's types. */
type Runtime = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };

export interface Device {
  name: string;
  h: Harness;
  /** Every request the browser sent to 127.0.0.1, as `METHOD url`, in order. */
  localRequests: string[];
  /** Origins (`http://127.0.0.1:PORT`) this device may reach; any other local request is a stray. */
  allowed: Set<string>;
  options: Page;
  popup: Page;
  /** The seed article, open in a tab (null until opened). */
  article: Page | null;
}

/**
 * A browser profile with the build that already holds `http://127.0.0.1/*`, the seed pages served,
 * its options page and popup open in tabs. Requests to 127.0.0.1 go through to the origins in
 * `allowed` and are recorded; any other is recorded as a stray and aborted, like every request the
 * harness does not serve.
 */
export async function openDevice(name: string, allowed: string[]): Promise<Device> {
  const h = await launch({ locale: 'zh-CN', grantHosts: [LOCAL_HOSTS] });
  serveSeeds(h);
  const device: Device = { name, h, localRequests: [], allowed: new Set(allowed.map(originOf)), options: null!, popup: null!, article: null };
  // Registered after the harness's catch-all, so it runs first for these URLs (the service
  // worker's fetches included).
  await h.context.route(
    (url) => url.protocol === 'http:' && url.hostname === '127.0.0.1',
    async (route) => {
      const url = route.request().url();
      if (device.allowed.has(originOf(url))) {
        device.localRequests.push(`${route.request().method()} ${url}`);
        await route.continue();
        return;
      }
      h.strayRequests.push(url);
      await route.abort('blockedbyclient');
    },
  );
  device.options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
  // A Playwright wait, not expect.poll: devices are opened in beforeAll hooks.
  await device.options.locator('#sync [data-sync-state="off"]').waitFor();
  device.popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
  return device;
}

export function originOf(url: string): string {
  return new URL(url).origin;
}

/** The options page's sync status element (`data-sync-state` = off | idle | running | error). */
export function syncStatusElement(options: Page): Locator {
  return options.locator('#sync [data-sync-state]').first();
}

/** Sync's status as the background answers the options page (`sync.status`). */
export async function statusOf(d: Device): Promise<SyncStatus> {
  const answer = (await d.options.evaluate(() => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'sync.status' }))) as {
    ok: boolean;
    data?: { status: SyncStatus };
  };
  if (!answer.ok || !answer.data) throw new Error(`sync.status failed: ${JSON.stringify(answer)}`);
  return answer.data.status;
}

export interface SetupFields {
  url: string;
  user: string;
  password: string;
  passphrase: string;
}

/** Fills in the set-up form on the options page as a reader would and presses its button. */
export async function submitSetup(d: Device, f: SetupFields): Promise<void> {
  await d.options.bringToFront();
  const form = d.options.locator('#sync form.sync-setup');
  await form.getByLabel('服务器文件夹地址', { exact: true }).fill(f.url);
  await form.getByLabel('用户名', { exact: true }).fill(f.user);
  await form.getByLabel('应用密码', { exact: true }).fill(f.password);
  await form.getByLabel('同步口令', { exact: true }).fill(f.passphrase);
  await form.getByLabel('再输入一次同步口令', { exact: true }).fill(f.passphrase);
  await form.getByRole('button', { name: '开始同步' }).click();
}

/** Sets sync up and waits until the options page says it is idle with a last-sync time. */
export async function setUpSync(d: Device, f: SetupFields): Promise<SyncStatus> {
  await submitSetup(d, f);
  await expect.poll(() => syncStatusElement(d.options).getAttribute('data-sync-state'), { timeout: SYNC_TIMEOUT }).toBe('idle');
  expect(await d.options.locator('#sync .sync-headline').innerText()).toMatch(/^上次同步：/);
  const status = await statusOf(d);
  expect(status).toMatchObject({ configured: true, server: f.url, user: f.user, lastError: null });
  expect(status.lastSync).not.toBeNull();
  return status;
}

/**
 * Presses "Sync now" on the options page and waits until a sync that started after the press has
 * finished (the background's last-sync or last-error time moved on and nothing runs), then until
 * the page shows its outcome. Answers the status.
 */
export async function syncNow(d: Device): Promise<SyncStatus> {
  // A sync the background started by itself (a change's, the schedule's) finishes first, so
  // that the one measured is the press's.
  let before = await statusOf(d);
  await expect.poll(async () => (before = await statusOf(d)).running, { timeout: SYNC_TIMEOUT }).toBe(false);
  const mark = (s: SyncStatus) => `${s.lastSync}|${s.lastError?.at}`;
  await d.options.bringToFront();
  await d.options.locator('#sync').getByRole('button', { name: '立即同步' }).click();
  let after = before;
  await expect
    .poll(
      async () => {
        after = await statusOf(d);
        return !after.running && mark(after) !== mark(before);
      },
      { timeout: SYNC_TIMEOUT, message: `${d.name}: a sync after "Sync now" finished` },
    )
    .toBe(true);
  const state = after.lastError ? 'error' : 'idle';
  await expect.poll(() => syncStatusElement(d.options).getAttribute('data-sync-state')).toBe(state);
  return after;
}

/** "Sync now", which must end without an error; answers the status. */
export async function syncCleanly(d: Device): Promise<SyncStatus> {
  const s = await syncNow(d);
  expect(s.lastError, `${d.name}: sync error`).toBeNull();
  expect(await d.options.locator('#sync .sync-headline').innerText()).toMatch(/^上次同步：/);
  return s;
}

/** The error the options page shows in its status (what happened and what to do). */
export function syncErrorShown(d: Device): Locator {
  return d.options.locator('#sync .sync-status .sync-error');
}

/** Opens the seed article in a tab of `d` (once) and answers it. */
export async function article(d: Device): Promise<Page> {
  d.article ??= await d.h.open(ARTICLE.url);
  return d.article;
}

/** Highlights `text` on the article with the toolbar's 高亮 (the steps of highlights.e2e.ts). */
export async function highlight(page: Page, text: string): Promise<string> {
  await page.bringToFront();
  const before = Object.keys(await highlightTexts(page));
  expect(await dragSelect(page, ARTICLE.bodySelector, text)).toBe(text);
  await page.getByRole('button', { name: '高亮', exact: true }).click();
  return newHighlight(page, before, text);
}

/** Selects `text`, writes `note` on it in the note frame and saves (the steps of highlights.e2e.ts). */
export async function writeNote(page: Page, text: string, note: string): Promise<string> {
  await page.bringToFront();
  const before = Object.keys(await highlightTexts(page));
  expect(await dragSelect(page, ARTICLE.bodySelector, text)).toBe(text);
  await page.getByRole('button', { name: '笔记' }).click();
  await noteFrame(page).getByRole('textbox', { name: '笔记' }).fill(note);
  await noteFrame(page).getByRole('button', { name: '保存' }).click();
  return newHighlight(page, before, text);
}

async function newHighlight(page: Page, before: string[], text: string): Promise<string> {
  let id = '';
  await expect
    .poll(async () => {
      const now = await highlightTexts(page);
      id = Object.keys(now).find((k) => !before.includes(k)) ?? '';
      return id ? now[id] : null;
    })
    .toBe(text);
  return id;
}

/** The note panel's text for the highlight on `text`, as a reader opens it by clicking the mark. */
export async function pageNote(page: Page, text: string): Promise<string> {
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await page.locator('[data-sourcemark="highlight"]', { hasText: text }).first().click();
  const shown = await noteFrame(page).getByRole('dialog', { name: '笔记' }).innerText();
  await page.keyboard.press('Escape');
  return shown;
}

/** The popup's group of the seed article ("All annotations"). */
export function articleGroup(popup: Page): Locator {
  return popup.locator('section.group', { hasText: TITLE_PART });
}

/** The popup's entry of annotation `id`, its page group opened first. */
export async function popupItem(popup: Page, id: string): Promise<Locator> {
  const toggle = articleGroup(popup).locator('.group-toggle');
  await expect.poll(() => toggle.count(), { message: 'the article is listed in the popup' }).toBe(1);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
    await popup.bringToFront();
    await toggle.click();
  }
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  return popup.locator(`li.item[data-annotation-id="${id}"]`);
}

/** The note of annotation `id` as the popup lists it. */
export async function popupNote(popup: Page, id: string): Promise<string> {
  const item = await popupItem(popup, id);
  return item.locator('.note').innerText({ timeout: 2_000 });
}

/** Edits the note of annotation `id` in the popup, as popup.e2e.ts does. */
export async function editNoteInPopup(popup: Page, id: string, note: string): Promise<void> {
  const item = await popupItem(popup, id);
  // Clicks wait for the element to stand still over two animation frames, which a tab in the
  // background does not paint.
  await popup.bringToFront();
  await item.getByRole('button', { name: '编辑笔记' }).click();
  await item.getByRole('textbox', { name: '笔记' }).fill(note);
  await item.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => item.locator('.note').innerText()).toBe(note);
}

/** Annotations in the device's database, counted from its options page. */
export function storedCount(d: Device): Promise<number> {
  return d.options.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sourcemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('annotations').objectStore('annotations').count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Every file under `dir`, recursively, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => fs.statSync(path.join(dir, p)).isFile()).sort();
}

/** The sync files in the sync folder on disk (`<device>.<seq>.base|chg`), oldest first. */
export function syncFilesOnDisk(root: string): string[] {
  const dir = path.join(root, 'Sourcemark');
  return fs
    .readdirSync(dir)
    .filter((n) => /^[a-z0-9]+\.\d+\.(base|chg)$/.test(n))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

/** This device's sync id (the `<device>` of its file names on the server). */
export function deviceIdOf(d: Device): Promise<string> {
  return d.options.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('sourcemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('syncState').objectStore('syncState').get('device');
          req.onsuccess = () => {
            resolve(String((req.result as { value?: unknown } | undefined)?.value ?? ''));
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}
