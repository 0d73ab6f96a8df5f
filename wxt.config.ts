import { defineConfig } from 'wxt';
import { selfMediaMatchPatterns, selfMediaOrigins } from './components/recognition/url-shape';
import { ARTICLE_MODULE } from './components/page-script/article-module';
import { chromeSafeFileName, chromeSafeUtf8, compileHint } from './wxt.build-plugins';

/**
 * The permissions Sourcemark asks for, each for one feature. tests/e2e/manifest.e2e.ts compares
 * the built manifests with this reviewed list, so a new permission is a deliberate change.
 * Settings and annotations live in the extension's IndexedDB, which needs no permission.
 *  - contextMenus: "Sourcemark: 高亮 / 笔记" on a selection
 *  - activeTab + scripting: run Sourcemark on demand in the tab the reader acts in, and on
 *    sites the reader granted (registered content scripts)
 *  - downloads: save exports as files (and the opt-in weekly backup)
 *  - alarms: sync every 15 minutes and check the weekly backup daily, though the service worker sleeps
 *  - unlimitedStorage: the browser never evicts the reader's notes to free space (with
 *    navigator.storage.persist(), asked on the options page)
 *  - sidePanel (Chrome only; Firefox's sidebar_action needs none): the side panel that lists
 *    this page's claims, verdicts and notes while the reader reads
 * No host permission at install beyond the self-media article URLs the content scripts match
 * (components/recognition/platforms); other sites are optional and asked for at run time, as is
 * the reader's sync server (one origin, asked at set-up).
 */
export const PERMISSIONS = ['contextMenus', 'activeTab', 'scripting', 'downloads', 'alarms', 'unlimitedStorage'];
export const CHROME_PERMISSIONS = ['sidePanel'];
export const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

/** The article script (entrypoints/claims: what a self-media article shows at load), as the build writes it. */
const CLAIMS_JS = ARTICLE_MODULE;
/** Chrome's content script on those pages (entrypoints/article-loader.ts): imports CLAIMS_JS as a module. */
const ARTICLE_LOADER_JS = 'article-loader.js';
/** The page CSS of every mark (the content script's, entrypoints/content-script.ts), as the build writes it. */
const CONTENT_CSS = 'assets/content-script.css';

/**
 * The toolbar button's icon, from the PNGs public/icon holds (WXT lists them as the manifest's
 * `icons` by itself; the action gets them only when told). tests/support/render-icons.ts renders
 * them from public/icon/icon.svg, which, like the hash the script records, the build leaves out.
 */
const ACTION_ICON = Object.fromEntries([16, 32, 48, 96, 128].map((size) => [String(size), `icon/${size}.png`]));
const ICON_SOURCES = new Set(['icon/icon.svg', 'icon/rendered-from.json']);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      const kept = files.filter((f) => !ICON_SOURCES.has(f.relativeDest));
      files.splice(0, files.length, ...kept);
    },
    // On a self-media article URL the manifest injects the article script alone (with the page
    // CSS of the marks it paints): what the reader sees at load. The content script (the
    // annotator) is injected by the background when the page needs it (the reader's first
    // selection, a verdict, a command, saved annotations), as on a granted site; it takes the
    // article script's session over (components/recognition/article-session.ts). Both are
    // unlisted scripts, so WXT's content-script context, which a page can tear down, never exists
    // (see components/page-script/script-context.ts).
    // In Chrome the manifest's script is the article script's loader, which imports it as a
    // module: compiled off the page's main thread (entrypoints/article-loader.ts).
    'build:manifestGenerated': (wxt, manifest) => {
      const matches = selfMediaMatchPatterns();
      const js = wxt.config.browser === 'firefox' ? CLAIMS_JS : ARTICLE_LOADER_JS;
      manifest.content_scripts = [
        { matches, js: [js], css: [CONTENT_CSS], run_at: 'document_end' },
        ...(manifest.content_scripts ?? []),
      ];
    },
  },
  // UTF-8 output: the claims lexicon's Chinese is smaller raw than escaped (esbuild's default is
  // ASCII). Chrome refuses a content script holding a noncharacter such as U+FFFF, which the
  // minifier writes raw from '\uffff' (Dexie's maxString, in the extension pages), so
  // chromeSafeUtf8 escapes just those; tests/e2e/manifest.e2e.ts checks the build.
  vite: () => ({
    esbuild: { charset: 'utf8' },
    // Terser, two passes: about 1.4 KB less gzip of the content script than esbuild's minifier
    // (which every page Sourcemark runs on pays), for a build that takes some seconds longer.
    build: {
      // Both browsers have modulepreload (Chrome, Firefox 115+): Vite's polyfill would be one more
      // script for each extension page to fetch before its own, the popup's included.
      modulePreload: { polyfill: false },
      minify: 'terser',
      terserOptions: { compress: { passes: 2 }, format: { ascii_only: false } },
      // Chrome reserves file names starting with "_" and refuses a package holding one; Rollup
      // names its CommonJS helper chunk `_commonjsHelpers` (tests/support/lint-zips.ts checks).
      rollupOptions: { output: { sanitizeFileName: chromeSafeFileName } },
    },
    // Every article page runs most of the article script at load: compiled whole, in Chrome on a
    // background thread (wxt.build-plugins.ts compileHint; tests/bench/page-cost.ts measures it).
    plugins: [chromeSafeUtf8(), compileHint(CLAIMS_JS)],
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Host access at install: exactly the self-media article URLs the article script matches
    // (the same sites its content_scripts entry already names), so the background may inject the
    // annotator there when the article needs it; MV2 lists hosts among the permissions.
    permissions: [
      ...PERMISSIONS,
      ...(browser === 'firefox' ? [] : CHROME_PERMISSIONS),
      ...(manifestVersion === 3 ? [] : selfMediaMatchPatterns()),
    ],
    ...(manifestVersion === 3
      ? { host_permissions: selfMediaMatchPatterns(), optional_host_permissions: OPTIONAL_HOSTS, action: { default_icon: ACTION_ICON } }
      : { optional_permissions: OPTIONAL_HOSTS, browser_action: { default_icon: ACTION_ICON } }),
    // The note frame (entrypoints/content/annotator/note-frame-channel.ts): the content script
    // shows notes in this extension page so that the web page's scripts cannot read them. It must
    // load in any page the content script runs on (self-media articles, and sites the reader grants at run
    // time). In Chrome only at a per-session dynamic URL, so a site cannot probe for it by a fixed
    // address; either way it does nothing without a one-time token from the background.
    // In Chrome, the article script too (imported by its loader, see above), at a dynamic URL as
    // well and on self-media origins only: the page's own scripts may fetch what its content
    // script world may import, so no page elsewhere gets to.
    web_accessible_resources:
      manifestVersion === 3
        ? [
            { resources: ['note.html'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true },
            ...(browser === 'firefox' ? [] : [{ resources: [CLAIMS_JS], matches: selfMediaOrigins(), use_dynamic_url: true }]),
          ]
        : [{ resources: ['note.html'], matches: ['https://*/*', 'http://*/*'] }],
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text / 高亮选中的文字',
      },
      'note-selection': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Write a note on the selected text / 给选中的文字写笔记',
      },
      'next-claim': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next unsourced claim / 下一处无出处说法',
      },
      'previous-claim': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous unsourced claim / 上一处无出处说法',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sourcemark@sourcemark.dev',
              // data_collection_permissions is the newest key used: Firefox 140 on desktop (so ESR
              // 140 runs Sourcemark), 142 on Android, which web-ext lint warns about; see README.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
