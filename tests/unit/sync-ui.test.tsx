import { render, type ComponentChild } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNC_ERROR_KINDS, type SyncError, type SyncStatus } from '@/components/sync/status';
import type { KeptAside } from '@/components/sync/kept-aside';
import ImportDialog from '@/components/ui/options/ImportDialog';
import { EnvContext, type AnnotationActions, type PopupEnv } from '@/components/ui/popup/env';
import KeptAsideList from '@/components/ui/sync/KeptAsideList';
import PopupSyncLine from '@/components/ui/sync/PopupSyncLine';
import SyncSection from '@/components/ui/sync/SyncSection';
import SyncSetupForm from '@/components/ui/sync/SyncSetupForm';
import SyncStatusView from '@/components/ui/sync/SyncStatusView';
import { isLoopbackHost, sentInTheClear, serverOriginPattern, setupProblems } from '@/components/ui/sync/server-address';
import { errorWords, fileInDetail, formatBytes, formatDay, popupLine, relativeTime, statusWords, syncState } from '@/components/ui/sync/sync-words';
import { popupStrings, type Lang } from '@/components/vocabulary/strings';
import { syncStrings } from '@/components/vocabulary/sync-strings';
import { SourcemarkDB } from '@/storage/db/db';
import { writeSettings } from '@/storage/db/settings';
import { toJsonLd } from '@/storage/formats/jsonld';
import type { BackgroundRequest } from '@/storage/messaging/protocol';
import App from '@/entrypoints/options/App';
import { sampleAnnotation } from '../support/sample-annotation';

// The background and the browser, as the UI sees them: `request` answers from `answers`, the
// permission prompt answers `granted`, and runtime messages reach the listeners kept here.
// `calls` records both kinds of call in order, so a test can say which came first.
const mocks = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Set<(message: unknown) => void>();
  return {
    calls,
    listeners,
    answers: {} as Record<string, (req: { type: string } & Record<string, unknown>) => unknown>,
    granted: true,
    manifest: { content_scripts: [] } as { content_scripts: []; permissions?: string[] },
    request: vi.fn(),
    permissionsRequest: vi.fn(),
  };
});
vi.mock('@/storage/messaging/client', () => ({ request: mocks.request }));
vi.mock('wxt/browser', () => {
  const event = { addListener: () => {}, removeListener: () => {} };
  return {
    browser: {
      permissions: { request: mocks.permissionsRequest, getAll: async () => ({ origins: [] }), onAdded: event, onRemoved: event },
      runtime: {
        getManifest: () => mocks.manifest,
        onMessage: {
          addListener: (l: (m: unknown) => void) => mocks.listeners.add(l),
          removeListener: (l: (m: unknown) => void) => mocks.listeners.delete(l),
        },
      },
    },
  };
});

const NOW = Date.parse('2026-12-05T12:00:00.000Z');
const MIN = 60_000;
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function status(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    configured: true,
    server: 'https://dav.example.com/remote.php/dav/files/ada/',
    user: 'ada',
    running: false,
    lastSync: new Date(NOW - 3.5 * MIN).toISOString(),
    pending: 2,
    lastError: null,
    lastRequests: 4,
    lastBackup: '2026-12-05',
    keptAside: 0,
    ...over,
  };
}
function syncError(kind: SyncError['kind'], detail = 'HTTP 401 Unauthorized'): SyncError {
  return { kind, detail, at: new Date(NOW - 2 * MIN).toISOString() };
}

async function until(done: () => boolean): Promise<void> {
  await vi.waitFor(
    () => {
      if (!done()) throw new Error('not yet');
    },
    { timeout: 5000, interval: 10 },
  );
}

/** The requests sent so far, by type. */
function sent(type: string): BackgroundRequest[] {
  return mocks.request.mock.calls.map((c) => c[0] as BackgroundRequest).filter((r) => r.type === type);
}

/** Preact renders state changes after the current task. */
function rendered(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

function notify(message: unknown): void {
  for (const l of [...mocks.listeners]) l(message);
}

function input(root: HTMLElement, label: string): HTMLInputElement {
  const l = [...root.querySelectorAll('label')].find((x) => x.textContent === label);
  if (!l) throw new Error(`no label ${label}`);
  const el = root.querySelector<HTMLInputElement>(`#${l.htmlFor}`);
  if (!el) throw new Error(`label ${label} names no input`);
  return el;
}
function type(el: HTMLInputElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
function button(root: HTMLElement, name: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent === name || x.getAttribute('aria-label') === name);
  if (!b) throw new Error(`no button ${name}`);
  return b;
}

// ---------------------------------------------------------------------------------------------
// Pure: words, times, the permission pattern, the form's checks.
// ---------------------------------------------------------------------------------------------

describe('sync status in words', () => {
  const CJK = /[\u4e00-\u9fff]/;

  it.each(['zh', 'en'] as const)('says each error kind in its own words, in %s', (lang) => {
    const seen = new Set<string>();
    for (const kind of SYNC_ERROR_KINDS) {
      const e = errorWords(lang, syncError(kind, 'detail'));
      for (const text of [e.what, e.todo, e.short]) {
        expect(text.length, `${kind}`).toBeGreaterThan(3);
        expect(text).not.toMatch(/undefined|null|\[object/);
        // Each language is itself (坚果云 is a name, and no error names it).
        expect(CJK.test(text), `${kind}: ${text}`).toBe(lang === 'zh');
      }
      expect(e.detail).toBe('detail');
      seen.add(e.what);
      seen.add(e.short);
    }
    // No two kinds say the same thing.
    expect(seen.size).toBe(SYNC_ERROR_KINDS.length * 2);
  });

  it('tells what happened and what to do', () => {
    const en = (kind: SyncError['kind'], detail = '') => {
      const e = errorWords('en', { kind, detail });
      return `${e.what} ${e.todo}`;
    };
    expect(en('unauthorized')).toMatch(/^The server refused the user name or app password\. Set sync up again with a new app password/);
    expect(en('unreachable')).toBe('The server did not answer. Your changes are kept and will be sent at the next sync.');
    expect(en('damaged', 'a1b2c3d4e5.12.chg: authentication failed')).toBe(
      'A file on the server could not be read (a1b2c3d4e5.12.chg); nothing here was lost. It will be read again when the device that wrote it syncs.',
    );
    expect(en('wrong-passphrase')).toContain('the passphrase your other devices use');
    expect(errorWords('zh', { kind: 'damaged', detail: 'a1b2c3d4e5.12.chg: bad' }).what).toBe('服务器上有一个文件读不出来（a1b2c3d4e5.12.chg）；本机的内容没有丢失。');
    expect(errorWords('zh', { kind: 'unauthorized', detail: '' }).what).toBe('服务器拒绝了用户名或应用密码。');
    expect(errorWords('en', { kind: 'wrong-passphrase', detail: '' }).short).toBe('Sync: wrong passphrase');
    expect(errorWords('zh', { kind: 'storage-full', detail: '' }).short).toBe('同步：服务器空间已满');
  });

  it('finds the file a detail names, however it is worded', () => {
    expect(fileInDetail('cannot decrypt 2026-12-05.a1b2c3d4e5.bak')).toBe('2026-12-05.a1b2c3d4e5.bak');
    expect(fileInDetail('keys.json: not JSON')).toBe('keys.json');
    expect(fileInDetail('HTTP 500 Internal Server Error')).toBeNull();
    expect(fileInDetail('xa1b2c3d4e5.12.chgx')).toBeNull();
  });

  it('gives the state and the lines of each situation, in both languages', () => {
    expect(syncState(status({ configured: false }))).toBe('off');
    expect(syncState(status())).toBe('idle');
    expect(syncState(status({ running: true, lastError: syncError('unreachable') }))).toBe('running');
    expect(syncState(status({ lastError: syncError('unreachable') }))).toBe('error');

    const en = statusWords('en', status(), NOW);
    expect(en).toMatchObject({ state: 'idle', headline: 'Last synced 3 minutes ago', pending: '2 changes not yet on the server', error: null });
    expect(en.lastBackup).toBe('Newest backup on the server: 5 Dec 2026');
    expect(statusWords('en', status({ pending: 1 }), NOW).pending).toBe('1 change not yet on the server');
    expect(statusWords('en', status({ pending: 0 }), NOW).pending).toBe('Everything here is on the server.');
    expect(statusWords('en', status({ lastSync: null, pending: 0 }), NOW)).toMatchObject({ headline: 'Not synced yet.', pending: null });
    expect(statusWords('en', status({ running: true }), NOW).headline).toBe('Syncing now…');
    expect(statusWords('en', status({ configured: false }), NOW)).toMatchObject({ state: 'off', headline: 'Sync is off on this device.', pending: null });

    const zh = statusWords('zh', status({ lastError: syncError('unreachable', 'fetch failed') }), NOW);
    expect(zh).toMatchObject({ state: 'error', headline: '上次同步：3 分钟前', pending: '2 项改动还没有上传到服务器' });
    expect(zh.error).toMatchObject({ what: '服务器没有响应。', detail: 'fetch failed', when: '发生于 2 分钟前' });
    expect(zh.lastBackup).toBe('服务器上最新的备份：2026年12月5日');
  });

  it('says relative times in both languages, long and short', () => {
    const ago = (ms: number) => new Date(NOW - ms).toISOString();
    const cases: [Lang, number, boolean, string][] = [
      ['en', 10_000, false, 'just now'],
      ['en', -60_000, false, 'just now'], // another device's clock, a little ahead
      ['en', 1.5 * MIN, false, '1 minute ago'],
      ['en', 3.5 * MIN, false, '3 minutes ago'],
      ['en', 3.5 * MIN, true, '3 min ago'],
      ['en', 65 * MIN, false, '1 hour ago'],
      ['en', 5 * 60 * MIN, true, '5 h ago'],
      ['en', 2 * 24 * 60 * MIN, false, '2 days ago'],
      ['en', 30 * 24 * 60 * MIN, false, 'on 5 Nov 2026'],
      ['zh', 10_000, false, '刚刚'],
      ['zh', 3.5 * MIN, true, '3 分钟前'],
      ['zh', 5 * 60 * MIN, false, '5 小时前'],
      ['zh', 2 * 24 * 60 * MIN, false, '2 天前'],
      ['zh', 30 * 24 * 60 * MIN, false, '2026年11月5日'],
    ];
    for (const [lang, ms, short, want] of cases) expect(relativeTime(lang, ago(ms), NOW, short), `${lang} ${ms}`).toBe(want);
    expect(relativeTime('en', 'not a date', NOW)).toBe('');
    expect(formatDay('en', '2026-01-02')).toBe('2 Jan 2026');
    expect(formatDay('zh', '2026-01-02')).toBe('2026年1月2日');
    expect([formatBytes(812), formatBytes(3.4 * 1024), formatBytes(2.3 * 1024 ** 2), formatBytes(120 * 1024 ** 3)]).toEqual(['812 B', '3.4 KB', '2.3 MB', '120 GB']);
  });

  it("gives the popup's one line, or nothing when sync is off", () => {
    expect(popupLine('en', status({ configured: false }), NOW)).toBeNull();
    expect(popupLine('en', status(), NOW)).toMatchObject({ state: 'idle', text: 'Synced 3 min ago · 2 pending', title: null });
    expect(popupLine('zh', status(), NOW)?.text).toBe('3 分钟前已同步 · 2 项待同步');
    expect(popupLine('en', status({ lastSync: null, pending: 0 }), NOW)?.text).toBe('Not synced yet');
    expect(popupLine('en', status({ running: true }), NOW)?.text).toBe('Syncing now… · 2 pending');
    const wrong = popupLine('en', status({ lastError: syncError('wrong-passphrase'), pending: 0 }), NOW);
    expect(wrong).toMatchObject({ state: 'error', text: 'Sync: wrong passphrase', needsReader: true });
    expect(wrong?.title).toContain('The passphrase does not open the sync folder');
    expect(popupLine('zh', status({ lastError: syncError('unreachable') }), NOW)).toMatchObject({ text: '同步：服务器没有响应 · 2 项待同步', needsReader: false });
  });
});

describe('the sync server address', () => {
  it.each([
    ['https://dav.example.com/remote.php/dav/files/ada/', 'https://dav.example.com/*'],
    ['https://dav.jianguoyun.com/dav/', 'https://dav.jianguoyun.com/*'],
    ['  https://cloud.example.com:8443/dav/?x=1#y  ', 'https://cloud.example.com:8443/*'],
    ['https://cloud.example.com:443/dav/', 'https://cloud.example.com/*'], // the default port is no port
    ['http://192.168.1.5:8080/webdav/', 'http://192.168.1.5:8080/*'],
    ['http://[::1]:8080/dav/', 'http://[::1]:8080/*'],
    ['HTTPS://Cloud.Example.COM/dav', 'https://cloud.example.com/*'],
    ['https://新闻.中国/dav/', 'https://xn--efvy88h.xn--fiqs8s/*'],
    ['ftp://example.com/', null],
    ['javascript:alert(1)', null],
    ['dav.example.com/dav/', null], // no scheme: a sync server is never guessed
    ['', null],
  ])('%j → %j', (url, pattern) => {
    expect(serverOriginPattern(url, { withPort: true })).toBe(pattern);
  });

  it("leaves the port out where match patterns take none (Firefox)", () => {
    expect(serverOriginPattern('https://cloud.example.com:8443/dav/', { withPort: false })).toBe('https://cloud.example.com/*');
  });

  it('warns about http: unless the server is this machine', () => {
    expect(sentInTheClear('http://nas.example.com/dav/')).toBe(true);
    expect(sentInTheClear('http://192.168.1.5:8080/')).toBe(true);
    expect(sentInTheClear('https://nas.example.com/dav/')).toBe(false);
    expect(sentInTheClear('http://localhost:8080/dav/')).toBe(false);
    expect(sentInTheClear('http://127.0.0.1/dav/')).toBe(false);
    expect(sentInTheClear('http://[::1]:8080/')).toBe(false);
    expect(sentInTheClear('not a url')).toBe(false);
    expect(isLoopbackHost('dav.localhost')).toBe(true);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });

  it("finds what stops a set-up, in the form's order", () => {
    const ok = { url: 'https://dav.example.com/', user: 'ada', password: 'app-pass', passphrase: 'correct horse', repeat: 'correct horse' };
    expect(setupProblems(ok)).toEqual([]);
    expect(setupProblems({ ...ok, repeat: 'correct horse ' }).map((p) => p.problem)).toEqual(['passphrase-mismatch']);
    expect(setupProblems({ ...ok, passphrase: 'short', repeat: 'short' }).map((p) => p.problem)).toEqual(['passphrase-short']);
    expect(setupProblems({ ...ok, url: 'https://ada:pw@dav.example.com/' }).map((p) => p.problem)).toEqual(['url-credentials']);
    expect(setupProblems({ url: 'x', user: ' ', password: '', passphrase: '', repeat: '' }).map((p) => p.field)).toEqual(['url', 'user', 'password', 'passphrase']);
  });
});

// ---------------------------------------------------------------------------------------------
// Components, over a mocked background and browser.
// ---------------------------------------------------------------------------------------------

describe('sync and backup on the options page', () => {
  let db: SourcemarkDB;
  let root: HTMLElement;
  let env: PopupEnv;

  beforeEach(() => {
    mocks.calls.length = 0;
    mocks.listeners.clear();
    mocks.granted = true;
    mocks.answers = {
      'sync.status': () => ({ status: status({ configured: false, server: null, user: null, lastSync: null, pending: 0, lastBackup: null }) }),
      'sync.keptAside': () => ({ items: [] }),
      'sync.backups': () => ({ backups: [] }),
    };
    mocks.request.mockReset();
    mocks.request.mockImplementation(async (req: { type: string } & Record<string, unknown>) => {
      mocks.calls.push(req.type);
      const answer = mocks.answers[req.type];
      if (!answer) throw new Error(`unexpected request ${req.type}`);
      return answer(req);
    });
    mocks.permissionsRequest.mockReset();
    mocks.permissionsRequest.mockImplementation((_p: { origins: string[] }) => {
      mocks.calls.push('permissions.request');
      return Promise.resolve(mocks.granted);
    });
    db = new SourcemarkDB(`sync-ui-${Math.random()}`);
    root = document.createElement('div');
    document.body.append(root);
    const actions: AnnotationActions = { saveNote: async () => {}, remove: async () => {}, go: async () => {} };
    env = { db, lang: 'en', t: popupStrings.en, actions };
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    db.close();
  });

  function mount(node: ComponentChild, lang: Lang = 'en') {
    render(<EnvContext.Provider value={{ ...env, lang, t: popupStrings[lang] }}>{node}</EnvContext.Provider>, root);
  }

  /** Types into every field, then lets Preact render what was typed (as a reader's pause would). */
  async function fillForm(over: Partial<Record<'url' | 'user' | 'password' | 'passphrase' | 'repeat', string>> = {}) {
    const v = { url: 'https://dav.example.com:8443/remote.php/dav/files/ada/', user: 'ada', password: 'app-pass-123', passphrase: 'correct horse battery', repeat: 'correct horse battery', ...over };
    type(input(root, 'Server folder address'), v.url);
    type(input(root, 'User name'), v.user);
    type(input(root, 'App password'), v.password);
    type(input(root, 'Passphrase'), v.passphrase);
    type(input(root, 'Passphrase again'), v.repeat);
    await rendered();
  }

  it('refuses mismatched passphrases without asking the browser or sending anything', async () => {
    const onStatus = vi.fn();
    mount(<SyncSetupForm onStatus={onStatus} />);
    await fillForm({ repeat: 'correct horse battery!' });
    button(root, 'Set up sync').click();
    await until(() => root.textContent!.includes('The two passphrases differ.'));
    expect(mocks.permissionsRequest).not.toHaveBeenCalled();
    expect(mocks.request).not.toHaveBeenCalled();
    expect(input(root, 'Passphrase again').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input(root, 'Passphrase again'));
    expect(onStatus).not.toHaveBeenCalled();
  });

  it('asks the permission for that one server inside the click, then sets up, then forgets the secrets', async () => {
    const done = status({ lastSync: new Date().toISOString(), pending: 0 });
    mocks.answers['sync.setup'] = () => ({ status: done, error: null });
    const onStatus = vi.fn();
    mount(<SyncSetupForm onStatus={onStatus} />);
    await fillForm();
    // Every input has a visible label, and the secrets are password fields.
    expect(input(root, 'App password').type).toBe('password');
    expect(input(root, 'Passphrase').type).toBe('password');
    expect(input(root, 'Passphrase again').type).toBe('password');

    button(root, 'Set up sync').click();
    // Synchronously, in the click: nothing was awaited before the browser was asked.
    expect(mocks.permissionsRequest).toHaveBeenCalledTimes(1);
    expect(mocks.permissionsRequest).toHaveBeenCalledWith({ origins: ['https://dav.example.com:8443/*'] });
    expect(mocks.request).not.toHaveBeenCalled();

    await until(() => onStatus.mock.calls.length === 1);
    expect(mocks.calls).toEqual(['permissions.request', 'sync.setup']);
    expect(sent('sync.setup')[0]).toEqual({
      type: 'sync.setup',
      setup: { url: 'https://dav.example.com:8443/remote.php/dav/files/ada/', user: 'ada', password: 'app-pass-123', passphrase: 'correct horse battery' },
    });
    expect(onStatus).toHaveBeenCalledWith(done);
    await until(() => input(root, 'Passphrase').value === '');
    expect(input(root, 'App password').value).toBe('');
    expect(input(root, 'Passphrase again').value).toBe('');
  });

  it('sends nothing when the browser refuses the permission', async () => {
    mocks.granted = false;
    mount(<SyncSetupForm onStatus={() => {}} />);
    await fillForm();
    button(root, 'Set up sync').click();
    await until(() => root.textContent!.includes('The browser did not allow Sourcemark to contact this server'));
    expect(sent('sync.setup')).toEqual([]);
  });

  it("says a refused set-up's error in words, with its detail, and keeps the fields to correct", async () => {
    mocks.answers['sync.setup'] = () => ({
      status: status({ configured: false, server: null, user: null }),
      error: syncError('unauthorized', 'HTTP 401 Unauthorized'),
    });
    mount(<SyncSetupForm onStatus={() => {}} />, 'zh');
    await fillFormZh();
    button(root, '开始同步').click();
    await until(() => root.querySelector('[data-error-kind="unauthorized"]') !== null);
    const alert = root.querySelector('[data-error-kind="unauthorized"]')!;
    expect(alert.textContent).toContain('服务器拒绝了用户名或应用密码。');
    expect(alert.textContent).toContain('HTTP 401 Unauthorized');
    expect(input(root, '同步口令').value).toBe('correct horse battery');
  });
  async function fillFormZh() {
    type(input(root, '服务器文件夹地址'), 'https://dav.jianguoyun.com/dav/');
    type(input(root, '用户名'), 'ada@example.com');
    type(input(root, '应用密码'), 'app-pass');
    type(input(root, '同步口令'), 'correct horse battery');
    type(input(root, '再输入一次同步口令'), 'correct horse battery');
    await rendered();
  }

  it('warns, without refusing, when the app password would travel unencrypted', async () => {
    mount(<SyncSetupForm onStatus={() => {}} />);
    type(input(root, 'Server folder address'), 'http://nas.example.com/dav/');
    await until(() => root.querySelector('.warning') !== null);
    expect(root.querySelector('.warning')!.textContent).toContain('the app password travels unencrypted');
    type(input(root, 'Server folder address'), 'http://localhost:8080/dav/');
    await until(() => root.querySelector('.warning') === null);
    mocks.answers['sync.setup'] = () => ({ status: status(), error: null });
    await fillForm({ url: 'http://nas.example.com/dav/' });
    button(root, 'Set up sync').click();
    await until(() => sent('sync.setup').length === 1);
    expect(mocks.permissionsRequest).toHaveBeenCalledWith({ origins: ['http://nas.example.com/*'] });
  });

  it.each(SYNC_ERROR_KINDS)('shows the last error %s as a sentence with its detail under it', async (kind) => {
    mount(<SyncStatusView status={status({ lastError: syncError(kind, `detail of ${kind}`) })} onStatus={() => {}} />);
    const box = root.querySelector('[data-sync-state]')!;
    expect(box.getAttribute('data-sync-state')).toBe('error');
    const alert = box.querySelector(`[data-error-kind="${kind}"]`)!;
    const words = errorWords('en', { kind, detail: '' });
    expect(alert.textContent).toContain(words.what);
    expect(alert.textContent).toContain(words.todo);
    expect(alert.querySelector('code')!.textContent).toBe(`detail of ${kind}`);
    // The server and user are shown; no password is anywhere to show.
    expect(box.textContent).toContain('https://dav.example.com/remote.php/dav/files/ada/');
    expect(box.textContent).toContain('ada');
    expect(root.querySelectorAll('button').length).toBe(kind === 'no-permission' ? 3 : 2);
  });

  it('grants the permission again in the click, then syncs', async () => {
    mocks.answers['sync.now'] = () => ({ status: status(), error: null });
    const onStatus = vi.fn();
    mount(<SyncStatusView status={status({ lastError: syncError('no-permission', 'permission missing') })} onStatus={onStatus} />);
    button(root, 'Grant access to the server again').click();
    expect(mocks.permissionsRequest).toHaveBeenCalledWith({ origins: ['https://dav.example.com/*'] });
    await until(() => onStatus.mock.calls.length === 1);
    expect(mocks.calls).toEqual(['permissions.request', 'sync.now']);
  });

  it('syncs now, and stops syncing only once confirmed', async () => {
    mocks.answers['sync.now'] = () => ({ status: status({ pending: 0 }), error: null });
    mocks.answers['sync.disconnect'] = () => ({ status: status({ configured: false }) });
    const onStatus = vi.fn();
    mount(<SyncStatusView status={status({ lastSync: new Date(Date.now() - 3.5 * MIN).toISOString() })} onStatus={onStatus} />);
    expect(root.querySelector('[data-sync-state]')!.getAttribute('data-sync-state')).toBe('idle');
    expect(root.textContent).toContain('Last synced 3 minutes ago');
    expect(root.textContent).toContain('2 changes not yet on the server');
    button(root, 'Sync now').click();
    await until(() => onStatus.mock.calls.length === 1);
    button(root, 'Stop syncing on this device').click();
    await until(() => root.querySelector('.sync-confirm') !== null);
    expect(sent('sync.disconnect')).toEqual([]);
    button(root, 'Stop syncing').click();
    await until(() => onStatus.mock.calls.length === 2);
    expect(sent('sync.disconnect')).toHaveLength(1);
    expect(onStatus.mock.calls[1]![0]).toMatchObject({ configured: false });
  });

  it('asks the status again on sync.changed and on annotation notices, not on anything else', async () => {
    mount(<SyncSection settings={null} onRestore={() => {}} />);
    await until(() => root.querySelector('[data-sync-state="off"]') !== null);
    expect(root.querySelector('#sync')).not.toBeNull();
    expect(sent('sync.status')).toHaveLength(1);

    mocks.answers['sync.status'] = () => ({ status: status({ running: true }) });
    notify({ type: 'sync.changed' });
    await until(() => root.querySelector('[data-sync-state="running"]') !== null);
    expect(sent('sync.status')).toHaveLength(2);

    notify({ type: 'annotations.changed', pageKey: 'example.com/a', id: '0b6f3c2e-8f1a-4c47-9a5e-3d2b1c0a9f8e', change: 'created' });
    await until(() => sent('sync.status').length === 3);
    // Not a notice (an extra field, a request's shape), and a settings change: no new ask.
    notify({ type: 'sync.changed', forged: true });
    notify({ type: 'sync.status' });
    notify({ type: 'settings.changed', settings: { claimsEnabled: true, bannerEnabled: true, defaultColor: 'yellow', language: 'en', weeklyBackup: false, ledgerEnabled: true } });
    await new Promise((r) => setTimeout(r, 30));
    expect(sent('sync.status')).toHaveLength(3);
  });

  it('coalesces a burst of notices into one more ask', async () => {
    mount(<SyncSection settings={null} onRestore={() => {}} />);
    await until(() => sent('sync.status').length === 1 && root.querySelector('[data-sync-state]') !== null);
    for (let i = 0; i < 20; i++) notify({ type: 'annotations.reload' });
    await new Promise((r) => setTimeout(r, 50));
    expect(sent('sync.status').length).toBeLessThanOrEqual(3);
    expect(sent('sync.status').length).toBeGreaterThanOrEqual(2);
  });

  it('binds the weekly copy to the weeklyBackup setting when sync is off', async () => {
    mocks.answers['settings.set'] = () => ({});
    const settings = { claimsEnabled: true, bannerEnabled: true, defaultColor: 'yellow', language: 'en', weeklyBackup: false, ledgerEnabled: true } as const;
    mount(<SyncSection settings={settings} onRestore={() => {}} />);
    const label = 'Save a copy to the Downloads folder every week (JSON-LD)';
    await until(() => [...root.querySelectorAll('label')].some((l) => l.textContent === label));
    const box = [...root.querySelectorAll('label')].find((l) => l.textContent === label)!.querySelector('input')!;
    expect(box.checked).toBe(false);
    box.click();
    await until(() => sent('settings.set').length === 1);
    expect(sent('settings.set')[0]).toEqual({ type: 'settings.set', patch: { weeklyBackup: true } });
    await until(() => root.textContent!.includes('Weekly copy on.'));
  });

  it('renders kept-aside notes, quotes, titles and tags as text, and dismisses one', async () => {
    const item: KeptAside = {
      key: `0b6f3c2e-8f1a-4c47-9a5e-3d2b1c0a9f8e@${NOW}`,
      annotationId: '0b6f3c2e-8f1a-4c47-9a5e-3d2b1c0a9f8e',
      url: 'javascript:alert(1)',
      title: `${HOSTILE}title`,
      quote: `${HOSTILE}quote`,
      note: HOSTILE,
      tags: [`${HOSTILE}tag`],
      reason: 'newer-edit',
      changed: new Date(Date.now() - 3.5 * MIN).toISOString(),
      at: new Date().toISOString(),
    };
    mocks.answers['sync.keptAside'] = () => ({ items: [item] });
    mocks.answers['sync.dismissKept'] = () => ({ items: [] });
    mount(<KeptAsideList count={1} />);
    await until(() => root.querySelector('li.kept') !== null);
    const li = root.querySelector('li.kept')!;
    expect(li.querySelector('.note')!.textContent).toBe(HOSTILE);
    expect(li.querySelector('.quote')!.textContent).toBe(`${HOSTILE}quote`);
    expect(li.querySelector('.kept-page')!.textContent).toBe(`${HOSTILE}title`);
    expect(li.querySelector('.tags')!.textContent).toBe(`Tags: ${HOSTILE}tag`);
    expect(li.querySelector('.kept-reason')!.textContent).toBe('A newer edit from another device replaced this version (written 3 minutes ago).');
    expect(root.querySelector('img')).toBeNull();
    // A javascript: address from another device is not a link.
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('h3')!.textContent).toBe('Kept aside (1)');

    const writeText = vi.fn(async (_t: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    button(root, 'Copy note').click();
    await until(() => writeText.mock.calls.length === 1);
    expect(writeText).toHaveBeenCalledWith(HOSTILE);

    button(root, 'Dismiss').click();
    await until(() => root.querySelector('li.kept') === null);
    expect(sent('sync.dismissKept')).toEqual([{ type: 'sync.dismissKept', key: item.key }]);
  });

  it('shows a kept-aside verdict by name with its evidence as web links only, and copies both', async () => {
    const item: KeptAside = {
      key: `0b6f3c2e-8f1a-4c47-9a5e-3d2b1c0a9f8e@${NOW}`,
      annotationId: '0b6f3c2e-8f1a-4c47-9a5e-3d2b1c0a9f8e',
      url: 'https://www.163.com/dy/article/X.html',
      title: 'title',
      quote: 'quote',
      note: '',
      tags: [],
      assessment: { verdict: 'false', evidence: ['https://example.org/check', `https://example.org/${HOSTILE}`] },
      reason: 'newer-edit',
      changed: new Date(Date.now() - 3.5 * MIN).toISOString(),
      at: new Date().toISOString(),
    };
    mocks.answers['sync.keptAside'] = () => ({ items: [item] });
    mount(<KeptAsideList count={1} />);
    await until(() => root.querySelector('li.kept') !== null);
    const verdict = root.querySelector('.kept-verdict')!;
    expect(verdict.getAttribute('data-verdict')).toBe('false');
    expect(verdict.querySelector('p')!.textContent).toBe('Verdict: False');
    const links = [...verdict.querySelectorAll('.evidence a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual(item.assessment!.evidence.map((l) => [new URL(l).href, l]));
    expect(root.querySelector('img')).toBeNull();

    const writeText = vi.fn(async (_t: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    button(root, 'Copy verdict and evidence').click();
    await until(() => writeText.mock.calls.length === 1);
    expect(writeText).toHaveBeenCalledWith(['False', ...item.assessment!.evidence].join('\n'));
  });

  it('restores a backup by handing its JSON-LD to the import preview, writing nothing', async () => {
    await writeSettings(db, { language: 'en' });
    const backup = { name: '2026-12-05.a1b2c3d4e5.bak', day: '2026-12-05', size: 2048 };
    const text = JSON.stringify(toJsonLd([sampleAnnotation({ note: HOSTILE })]));
    mocks.answers['sync.status'] = () => ({ status: status() });
    mocks.answers['sync.backups'] = () => ({ backups: [backup] });
    mocks.answers['sync.readBackup'] = (req) => ({ name: req.name, text });
    render(<App db={db} />, root);

    await until(() => root.querySelector('[data-backup]') !== null);
    expect(root.querySelector('#sync [data-sync-state="idle"]')).not.toBeNull();
    expect(root.querySelector('[data-backup]')!.textContent).toContain('5 Dec 2026');
    button(root, 'Restore the backup of 5 Dec 2026').click();

    await until(() => root.querySelector('.import [role="region"]') !== null);
    const preview = root.querySelector('.import [role="region"]')!;
    expect(preview.getAttribute('aria-label')).toBe('“Backup of 5 Dec 2026”');
    await until(() => preview.querySelector('[data-count="new"]')?.textContent === 'New: 1');
    expect(sent('sync.readBackup')).toEqual([{ type: 'sync.readBackup', name: backup.name }]);
    expect(sent('import.write')).toEqual([]);
    expect(root.querySelector('img')).toBeNull();
    // The page keeps exactly one file picker (e2e tests find it by type).
    expect(root.querySelectorAll('input[type="file"]')).toHaveLength(1);
  });

  it('names handed text that cannot be imported, as it does a file', async () => {
    mount(<ImportDialog source={{ name: 'Backup of 5 Dec 2026', text: '{"items": 3}' }} />);
    await until(() => root.querySelector('.import [role="alert"]') !== null);
    expect(root.querySelector('.import [role="alert"]')!.textContent).toMatch(/^“Backup of 5 Dec 2026” cannot be imported: /);
  });

  it('asks the browser to keep the storage once, and says whether it will', async () => {
    const persist = vi.fn(async () => true);
    const estimate = vi.fn(async () => ({ usage: 2.3 * 1024 ** 2, quota: 120 * 1024 ** 3 }));
    Object.defineProperty(navigator, 'storage', { value: { persist, persisted: async () => true, estimate }, configurable: true });
    // A page asks once: fresh modules, as a page that just opened has (earlier tests had none).
    vi.resetModules();
    const { default: FreshStorageStatus } = await import('@/components/ui/sync/StorageStatus');
    const { EnvContext: FreshEnv } = await import('@/components/ui/popup/env');
    const show = (lang: Lang) =>
      render(
        <FreshEnv.Provider value={{ ...env, lang, t: popupStrings[lang] }}>
          <FreshStorageStatus />
        </FreshEnv.Provider>,
        root,
      );
    show('en');
    await until(() => root.querySelector('[data-persistent]') !== null);
    expect(root.querySelector('[data-persistent]')!.getAttribute('data-persistent')).toBe('true');
    expect(root.textContent).toContain('The browser will not clear your notes to free space.');
    expect(root.textContent).toContain('Sourcemark uses 2.3 MB here (the browser allows up to 120 GB).');
    render(null, root);
    show('zh');
    await until(() => root.textContent!.includes('浏览器不会为了腾出空间而清除你的笔记。'));
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('says when the browser may clear the notes', async () => {
    Object.defineProperty(navigator, 'storage', { value: { persist: async () => false, estimate: async () => ({}) }, configurable: true });
    vi.resetModules();
    const { default: FreshStorageStatus } = await import('@/components/ui/sync/StorageStatus');
    const { EnvContext: FreshEnv } = await import('@/components/ui/popup/env');
    render(
      <FreshEnv.Provider value={env}>
        <FreshStorageStatus />
      </FreshEnv.Provider>,
      root,
    );
    await until(() => root.querySelector('[data-persistent="false"]') !== null);
    expect(root.textContent).toContain("The browser may clear Sourcemark's data when the disk is nearly full.");
    expect(root.textContent).not.toContain('Sourcemark uses');
  });

  it("counts Chromium's unlimitedStorage as kept, though persist() says no", async () => {
    Object.defineProperty(navigator, 'storage', { value: { persist: async () => false, estimate: async () => ({}) }, configurable: true });
    mocks.manifest = { content_scripts: [], permissions: ['downloads', 'unlimitedStorage'] };
    try {
      vi.resetModules();
      const { default: FreshStorageStatus } = await import('@/components/ui/sync/StorageStatus');
      const { EnvContext: FreshEnv } = await import('@/components/ui/popup/env');
      render(
        <FreshEnv.Provider value={env}>
          <FreshStorageStatus />
        </FreshEnv.Provider>,
        root,
      );
      await until(() => root.querySelector('[data-persistent]') !== null);
      expect(root.querySelector('[data-persistent]')!.getAttribute('data-persistent')).toBe('true');
    } finally {
      mocks.manifest = { content_scripts: [] };
    }
  });
});

describe('the popup sync line', () => {
  let root: HTMLElement;
  beforeEach(() => {
    mocks.calls.length = 0;
    mocks.listeners.clear();
    mocks.request.mockReset();
    mocks.request.mockImplementation(async (req: { type: string }) => {
      mocks.calls.push(req.type);
      const answer = mocks.answers[req.type];
      if (!answer) throw new Error(`unexpected request ${req.type}`);
      return answer(req);
    });
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  function mount(lang: Lang) {
    const env: PopupEnv = {
      db: new SourcemarkDB(`sync-popup-${Math.random()}`),
      lang,
      t: popupStrings[lang],
      actions: { saveNote: async () => {}, remove: async () => {}, go: async () => {} },
    };
    render(
      <EnvContext.Provider value={env}>
        <PopupSyncLine onOpenSettings={() => {}} />
      </EnvContext.Provider>,
      root,
    );
  }

  it('shows nothing when sync is not set up, after one status request', async () => {
    mocks.answers = { 'sync.status': () => ({ status: status({ configured: false }) }) };
    mount('en');
    await until(() => sent('sync.status').length === 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(root.innerHTML).toBe('');
    expect(mocks.request).toHaveBeenCalledTimes(1);
  });

  it('shows when it last synced and what is pending, and syncs now', async () => {
    const synced = new Date(Date.now() - 3.5 * MIN).toISOString();
    mocks.answers = {
      'sync.status': () => ({ status: status({ lastSync: synced }) }),
      'sync.now': () => ({ status: status({ lastSync: new Date().toISOString(), pending: 0 }), error: null }),
    };
    mount('zh');
    await until(() => root.querySelector('.sync-line') !== null);
    expect(root.querySelector('.sync-line-text')!.textContent).toBe('3 分钟前已同步 · 2 项待同步');
    expect(root.querySelector('.sync-line')!.getAttribute('data-sync-state')).toBe('idle');
    button(root, '立即同步').click();
    await until(() => root.querySelector('.sync-line-text')!.textContent === '刚刚已同步');
    expect(sent('sync.now')).toHaveLength(1);
    expect(sent('sync.status')).toHaveLength(1);
  });

  it("shows an error's short form and offers the settings when the reader must act", async () => {
    mocks.answers = { 'sync.status': () => ({ status: status({ lastError: syncError('unauthorized'), pending: 0 }) }) };
    mount('en');
    await until(() => root.querySelector('.sync-line') !== null);
    expect(root.querySelector('.sync-line')!.getAttribute('data-sync-state')).toBe('error');
    expect(root.querySelector('.sync-line-text')!.textContent).toBe('Sync: app password refused');
    expect(root.querySelector('.sync-line-text')!.getAttribute('title')).toContain('The server refused the user name or app password.');
    expect(button(root, 'Settings…')).toBeTruthy();
    expect(syncStrings.en.syncNow).toBe(button(root, 'Sync now').textContent);
  });
});
