/**
 * `npm run lint:zips`: checks the two store packages `npm run zip` wrote, as the stores get them.
 * The Chrome zip goes through Chrome's package rules (tests/support/chrome-package-checks.ts);
 * the Firefox zip is unpacked and linted by Mozilla's `web-ext lint`, which must report no error
 * and no warning other than the explained ones below. Exits 1 otherwise.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromePackageProblems } from './chrome-package-checks';
import { readZip } from './zip-read';

const ROOT = path.resolve(import.meta.dirname, '../..');
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const CHROME_ZIP = path.join(ROOT, `.output/sourcemark-${version}-chrome.zip`);
export const FIREFOX_ZIP = path.join(ROOT, `.output/sourcemark-${version}-firefox.zip`);

/**
 * Warnings web-ext lint gives on the Firefox package, each explained (README, *Store packages*).
 * A warning not listed here fails the check, so a new one is looked at before it ships.
 */
export const EXPLAINED_WARNINGS: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    why: 'data_collection_permissions needs Firefox 142 on Android, 140 on desktop, which strict_min_version follows',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^content-script\.js$|^chunks\//,
    why: "Preact's dangerouslySetInnerHTML branch, which no Sourcemark component uses (notes are text)",
  },
  {
    code: 'DANGEROUS_EVAL',
    file: /^background\.js$|^chunks\//,
    why: "zod's probe `try { new Function('') }` for its optional fast path; the extension's CSP refuses it and zod validates without it",
  },
];

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

export function lintFirefoxZip(zip: string): { report: LintReport; unexplained: LintMessage[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-firefox-zip-'));
  try {
    for (const [name, data] of readZip(fs.readFileSync(zip))) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), data);
    }
    const webExt = path.join(ROOT, 'node_modules/.bin/web-ext');
    let out: string;
    try {
      out = execFileSync(webExt, ['lint', '--source-dir', dir, '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
    } catch (e) {
      // web-ext lint exits 1 when it finds errors; its JSON report is still on stdout.
      out = (e as { stdout?: string }).stdout ?? '';
      if (!out) throw e;
    }
    const report = JSON.parse(out) as LintReport;
    const unexplained = report.warnings.filter(
      (w) => !EXPLAINED_WARNINGS.some((known) => known.code === w.code && known.file.test(w.file ?? '')),
    );
    return { report, unexplained };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  let failed = false;
  for (const zip of [CHROME_ZIP, FIREFOX_ZIP]) {
    if (!fs.existsSync(zip)) {
      console.error(`${path.relative(ROOT, zip)} is missing: run \`npm run zip\` first`);
      process.exit(1);
    }
  }
  const chrome = chromePackageProblems(readZip(fs.readFileSync(CHROME_ZIP)));
  console.log(`${path.relative(ROOT, CHROME_ZIP)}: Chrome's package checks: ${chrome.length ? `${chrome.length} problem(s)` : 'pass'}`);
  for (const p of chrome) console.log(`  ✗ ${p}`);
  failed ||= chrome.length > 0;

  const { report, unexplained } = lintFirefoxZip(FIREFOX_ZIP);
  const s = report.summary;
  console.log(`${path.relative(ROOT, FIREFOX_ZIP)}: web-ext lint: ${s.errors} error(s), ${s.warnings} warning(s), ${s.notices} notice(s)`);
  for (const e of report.errors) console.log(`  ✗ error ${e.code} ${e.file ?? ''}: ${e.message}`);
  for (const w of report.warnings) {
    const known = EXPLAINED_WARNINGS.find((k) => k.code === w.code && k.file.test(w.file ?? ''));
    console.log(`  ${known ? '·' : '✗'} warning ${w.code} ${w.file ?? ''}: ${known ? known.why : `${w.message} (not explained)`}`);
  }
  failed ||= s.errors > 0 || unexplained.length > 0;
  process.exit(failed ? 1 : 0);
}
