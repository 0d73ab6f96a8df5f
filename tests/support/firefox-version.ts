/**
 * Whether a Firefox can run Sourcemark, decided from what `firefox --version` printed and the
 * build's `strict_min_version`, without touching the machine (tests/e2e/cross/firefox.ts runs the
 * binary). Firefox refuses to install an add-on whose minimum it does not meet, with an error that
 * does not say so; the tests stop first with one that does.
 */

/** The dotted numbers of a version, `153.8.0esr` → [153, 8, 0]; null if there are none. */
export function versionNumbers(text: string): number[] | null {
  const m = /(\d+(?:\.\d+)*)/.exec(text);
  return m ? m[1]!.split('.').map(Number) : null;
}

/** -1, 0 or 1 as `a` is older than, the same as or newer than `b` (missing parts count as 0). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Null when `versionOutput` (e.g. `Mozilla Firefox 153.8.0esr`) names a Firefox at least
 * `minVersion`, else the reason it cannot be used, saying how to get one that can.
 */
export function firefoxVersionProblem(binary: string, versionOutput: string, minVersion: string): string | null {
  const have = /Firefox/i.test(versionOutput) ? versionNumbers(versionOutput.replace(/^[^\d]*/, '')) : null;
  const need = versionNumbers(minVersion);
  if (!need) throw new Error(`not a version: ${minVersion}`);
  const get = `Install Debian's (\`sudo apt-get install firefox-esr\`) or set FIREFOX_PATH to a Firefox ${minVersion} or later.`;
  if (!have) return `${binary} is not a Firefox (its --version said ${JSON.stringify(versionOutput.trim())}). ${get}`;
  if (compareVersions(have, need) < 0) {
    return `${binary} is Firefox ${have.join('.')}, older than the build's strict_min_version ${minVersion}: it would refuse the add-on. ${get}`;
  }
  return null;
}
