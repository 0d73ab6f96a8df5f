/**
 * Sizes of the built Chrome extension (.output/chrome-mv3, as `wxt build` minifies it): every
 * .js and .css file raw and gzipped (level 9), and per entry point the files it loads: the content
 * script (its JS and the manifest CSS), the background worker, and each HTML page with the
 * scripts, chunks and stylesheets it pulls in (static imports followed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/harness';

/** The content script (the annotator) and its CSS, as on-demand injection names them (no leading slash). */
const CONTENT_JS = 'content-script.js';
const CONTENT_CSS = 'assets/content-script.css';
/** Injected before it where the background loads it (storage/messaging/send-to-tab.ts). */
const ASKED_JS = 'reader-asked.js';
/** What the background registers for the sites the reader granted (entrypoints/granted-loader). */
const LOADER_JS = 'granted-loader.js';

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface EntrySize {
  entry: string;
  files: string[];
  bytes: number;
  /** Sum of the files' gzip sizes (each file is fetched and compressed on its own). */
  gzip: number;
}

export interface SizeReport {
  dir: string;
  files: FileSize[];
  entries: EntrySize[];
  /**
   * The content script every page Sourcemark works in loads: self-media articles, on demand, and
   * on granted sites a page with saved annotations or once the reader selects something.
   */
  contentScript: FileSize;
  /** What every page of a granted site loads first, and alone while it needs nothing more. */
  grantedLoader: FileSize | undefined;
  /** The article script (recognition and the claim detector), injected at self-media article URLs only. */
  articleScript: FileSize | undefined;
  /** The content script's JS and CSS, gzip summed: what every page Sourcemark runs on loads. */
  everyPageGzip: number;
  /** Every content script file (JS and CSS) on a self-media article page, gzip summed. */
  articlePageGzip: number;
  /** The same page once the background injected the annotator (reader-asked.js, content-script.js). */
  articleAnnotatingGzip: number;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

const rel = (p: string) => path.relative(EXTENSION_DIR, p).split(path.sep).join('/');

/** The chunks a page script imports dynamically itself (not those its imports import). */
function dynamicImports(file: string): string[] {
  if (!file.endsWith('.js') || !fs.existsSync(file)) return [];
  const code = fs.readFileSync(file, 'utf8');
  return [...code.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

/** A file and everything it imports statically (ES module chunks), relative to the build. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !fs.existsSync(file)) return seen;
  seen.add(file);
  if (file.endsWith('.js')) {
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      closure(path.resolve(path.dirname(file), m[1]!), seen);
    }
  }
  return seen;
}

function htmlAssets(html: string): string[] {
  const code = fs.readFileSync(html, 'utf8');
  const refs = [...code.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return refs.map((r) => (r.startsWith('/') ? path.join(EXTENSION_DIR, r) : path.resolve(path.dirname(html), r)));
}

export function runSizeReport(): SizeReport {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no build at ${EXTENSION_DIR}: run \`npx wxt build\` first`);
  }
  const all = walk(EXTENSION_DIR).filter((f) => /\.(js|css)$/.test(f)).sort();
  const sizes = new Map<string, FileSize>();
  for (const f of all) {
    const data = fs.readFileSync(f);
    sizes.set(f, { file: rel(f), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length });
  }
  const entry = (name: string, files: Iterable<string>): EntrySize => {
    const list = [...new Set(files)].filter((f) => sizes.has(f));
    return {
      entry: name,
      files: list.map(rel),
      bytes: list.reduce((n, f) => n + sizes.get(f)!.bytes, 0),
      gzip: list.reduce((n, f) => n + sizes.get(f)!.gzip, 0),
    };
  };

  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
    background?: { service_worker?: string };
  };
  const entries: EntrySize[] = [];
  const cs = manifest.content_scripts ?? [];
  const filesOf = (c: { js?: string[]; css?: string[] }) =>
    [...(c.js ?? []), ...(c.css ?? [])].map((f) => path.join(EXTENSION_DIR, f)).flatMap((f) => [...closure(f)]);
  // The content script (the annotator, with the marks' CSS) is the one every page Sourcemark
  // works in loads, injected by the background; the manifest's is the article script alone, which
  // self-media article URLs load at once (until the page needs the annotator: a selection, saved
  // annotations).
  const css = path.join(EXTENSION_DIR, CONTENT_CSS);
  const mainFiles = [...closure(path.join(EXTENSION_DIR, CONTENT_JS)), css];
  const detector = cs.find((c) => c.js && !c.js.includes(CONTENT_JS));
  const everyPage = entry('content script, every page Sourcemark works in (JS + CSS)', mainFiles);
  const haoPage = entry('all content scripts on a self-media article page at load', cs.flatMap(filesOf));
  const haoAnnotating = entry('the same once the annotator is loaded (first selection, saved notes)', [
    ...new Set([...cs.flatMap(filesOf), ...closure(path.join(EXTENSION_DIR, ASKED_JS)), ...mainFiles]),
  ]);
  entries.push(everyPage);
  if (detector) entries.push(entry('article script (what an article shows at load), article URLs only', filesOf(detector)));
  entries.push(haoPage, haoAnnotating);
  entries.push(entry('granted-site loader, every page of a granted site', [path.join(EXTENSION_DIR, LOADER_JS)]));
  if (manifest.background?.service_worker) {
    entries.push(entry('background', closure(path.join(EXTENSION_DIR, manifest.background.service_worker))));
  }
  for (const html of fs.readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html')).sort()) {
    const assets = htmlAssets(path.join(EXTENSION_DIR, html));
    const name = html.replace(/\.html$/, '');
    const first = assets.flatMap((a) => [...closure(a)]);
    entries.push(entry(`${name} page`, first));
    // The popup's App is imported by its page script once the first screen is drawn, not
    // preloaded by the HTML: counted too, so the page's size is not only its first screen's.
    const later = assets.flatMap((a) => dynamicImports(a)).flatMap((d) => [...closure(d)]);
    if (later.some((f) => !first.includes(f))) entries.push(entry(`${name} page with what its script imports next (the App)`, [...first, ...later]));
  }

  const contentScript = sizes.get(path.join(EXTENSION_DIR, CONTENT_JS));
  if (!contentScript) throw new Error(`no ${CONTENT_JS} in the build`);
  const detectorJs = detector?.js?.[0];
  const articleScript = detectorJs ? sizes.get(path.join(EXTENSION_DIR, detectorJs)) : undefined;
  return {
    dir: rel(EXTENSION_DIR) || '.',
    files: [...sizes.values()],
    entries,
    contentScript,
    grantedLoader: sizes.get(path.join(EXTENSION_DIR, LOADER_JS)),
    articleScript,
    everyPageGzip: everyPage.gzip,
    articlePageGzip: haoPage.gzip,
    articleAnnotatingGzip: haoAnnotating.gzip,
  };
}
