import { describe, expect, it } from 'vitest';
import { chromePackageProblems } from '../support/chrome-package-checks';

type Manifest = Record<string, unknown>;

const GOOD: Manifest = {
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  version: '0.1.0',
  default_locale: 'en',
  icons: { 16: 'icon/16.png', 128: 'icon/128.png' },
  action: { default_icon: { 16: 'icon/16.png' }, default_popup: 'popup.html' },
  background: { service_worker: 'background.js' },
  options_ui: { page: 'options.html', open_in_tab: true },
  side_panel: { default_path: 'sidepanel.html' },
  content_scripts: [{ matches: ['https://*.sohu.com/a/*'], js: ['content-script.js'], css: ['assets/content-script.css'] }],
  web_accessible_resources: [{ resources: ['note.html', 'fonts/*'], matches: ['https://*/*'] }],
};

function pack(manifest: Manifest, extra: Record<string, string> = {}, messages?: Record<string, unknown>): Map<string, Buffer> {
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify(manifest),
    '_locales/en/messages.json': JSON.stringify(messages ?? { extName: { message: 'Sourcemark' }, extDescription: { message: 'Read critically.' } }),
    'icon/16.png': 'png',
    'icon/128.png': 'png',
    'popup.html': '<!doctype html>',
    'background.js': '',
    'options.html': '',
    'sidepanel.html': '',
    'content-script.js': '',
    'assets/content-script.css': '',
    'note.html': '',
    ...extra,
  };
  return new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
}

describe("Chrome's package checks", () => {
  it('pass a package that keeps every rule', () => {
    expect(chromePackageProblems(pack(GOOD))).toEqual([]);
  });

  it('refuse a package without a manifest at its root', () => {
    const files = pack(GOOD);
    files.set('chrome-mv3/manifest.json', files.get('manifest.json')!);
    files.delete('manifest.json');
    expect(chromePackageProblems(files)).toEqual(['no manifest.json (valid JSON) at the root of the package']);
  });

  it('refuse a manifest for version 2', () => {
    expect(chromePackageProblems(pack({ ...GOOD, manifest_version: 2 }))).toEqual(['manifest_version is 2, not 3']);
  });

  it.each(['1.2.3.4.5', '01.2', '1.70000', 'v1', ''])('refuse the version %j', (version) => {
    expect(chromePackageProblems(pack({ ...GOOD, version }))).toEqual([
      `version ${JSON.stringify(version)} is not one to four dot-separated integers up to 65535`,
    ]);
  });

  it('count the name and description once their messages are resolved, in characters', () => {
    const problems = chromePackageProblems(
      pack(GOOD, {}, { extName: { message: '读'.repeat(76) }, extDescription: { message: 'x'.repeat(133) } }),
    );
    expect(problems).toEqual(["name is 76 characters, over Chrome's 75", "description is 133 characters, over Chrome's 132"]);
  });

  it('hold every translation to the same limits', () => {
    const files = pack(GOOD);
    files.set('_locales/zh_CN/messages.json', Buffer.from(JSON.stringify({ extDescription: { message: '读'.repeat(133) } })));
    expect(chromePackageProblems(files)).toEqual(["description in zh_CN is 133 characters, over 132"]);
    files.set('_locales/zh_CN/messages.json', Buffer.from('{ not json'));
    expect(chromePackageProblems(files)).toEqual(['_locales/zh_CN/messages.json is not valid JSON']);
  });

  it('find message names case-insensitively, as Chrome does, and report one the locale lacks', () => {
    expect(chromePackageProblems(pack(GOOD, {}, { EXTNAME: { message: 'S' }, extDescription: { message: 'd' } }))).toEqual([]);
    expect(chromePackageProblems(pack(GOOD, {}, { extName: { message: 'S' } }))).toEqual([
      'description names message extDescription, which the default locale does not define',
    ]);
  });

  it('refuse a default locale without its messages file', () => {
    const files = pack({ ...GOOD, default_locale: 'zh_CN' });
    expect(chromePackageProblems(files)).toContain('default_locale zh_CN has no _locales/zh_CN/messages.json (valid JSON)');
  });

  it('ask for the 128 px icon the store requires', () => {
    expect(chromePackageProblems(pack({ ...GOOD, icons: { 16: 'icon/16.png' } }))).toEqual([
      'no 128 px icon in icons (the Chrome Web Store requires one)',
    ]);
  });

  it('name each file the manifest points at and the package lacks', () => {
    const files = pack(GOOD);
    files.delete('sidepanel.html');
    files.delete('assets/content-script.css');
    files.delete('note.html');
    expect(chromePackageProblems(files)).toEqual([
      'side_panel.default_path names sidepanel.html, which is not in the package',
      'content_scripts[0].css names assets/content-script.css, which is not in the package',
      'web_accessible_resources[0] names note.html, which is not in the package',
    ]);
  });

  it('refuse files and folders whose names start with "_", except _locales', () => {
    expect(chromePackageProblems(pack(GOOD, { 'chunks/_virtual.js': '', '_metadata/x.json': '' }))).toEqual([
      'chunks/_virtual.js: names starting with "_" are reserved by Chrome (_virtual.js)',
      '_metadata/x.json: names starting with "_" are reserved by Chrome (_metadata)',
    ]);
  });
});
