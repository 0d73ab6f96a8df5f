/**
 * What Chrome checks when it loads a packed MV3 extension, and the Chrome Web Store when it takes
 * one, over the files of a zip (tests/support/zip-read.ts): each broken rule is one line of the
 * answer, so an empty answer means the package passes. The rules, from Chrome's manifest docs and
 * its loader's errors: a manifest at the root; `manifest_version` 3; a name of at most 75
 * characters and a description of at most 132, once `__MSG_…__` names are resolved in the default
 * locale, which must exist and define them all; a version of one to four dot-separated integers
 * up to 65535, without leading zeros; a 128 px icon (the store's); every file the manifest names
 * present; no file or folder whose name starts with `_` except `_locales` (reserved by Chrome,
 * which refuses to load such a package).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;
const MESSAGE_REF = /^__MSG_([A-Za-z0-9_@]+)__$/;

function object(value: Json | undefined): Record<string, Json> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
}

function parse(bytes: Buffer | undefined): Json | undefined {
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as Json;
  } catch {
    return undefined;
  }
}

/** Every file the manifest points at, with where it points from. */
function referencedFiles(manifest: Record<string, Json>): { file: string; from: string }[] {
  const out: { file: string; from: string }[] = [];
  const add = (value: Json | undefined, from: string) => {
    for (const file of strings(value)) out.push({ file, from });
  };
  for (const [size, file] of Object.entries(object(manifest.icons) ?? {})) add(file, `icons.${size}`);
  const action = object(manifest.action);
  for (const [size, file] of Object.entries(object(action?.default_icon) ?? {})) add(file, `action.default_icon.${size}`);
  add(action?.default_popup, 'action.default_popup');
  add(object(manifest.background)?.service_worker, 'background.service_worker');
  add(object(manifest.options_ui)?.page, 'options_ui.page');
  add(manifest.options_page, 'options_page');
  add(object(manifest.side_panel)?.default_path, 'side_panel.default_path');
  const scripts = Array.isArray(manifest.content_scripts) ? manifest.content_scripts : [];
  scripts.forEach((entry, i) => {
    add(object(entry)?.js, `content_scripts[${i}].js`);
    add(object(entry)?.css, `content_scripts[${i}].css`);
  });
  const resources = Array.isArray(manifest.web_accessible_resources) ? manifest.web_accessible_resources : [];
  resources.forEach((entry, i) => {
    // Patterns with a wildcard name no one file.
    for (const file of strings(object(entry)?.resources)) if (!file.includes('*')) out.push({ file, from: `web_accessible_resources[${i}]` });
  });
  return out;
}

export function chromePackageProblems(files: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  const manifest = object(parse(files.get('manifest.json')));
  if (!manifest) return ['no manifest.json (valid JSON) at the root of the package'];

  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${JSON.stringify(manifest.manifest_version)}, not 3`);
  if (typeof manifest.version !== 'string' || !VERSION.test(manifest.version) || manifest.version.split('.').some((n) => Number(n) > 65535)) {
    problems.push(`version ${JSON.stringify(manifest.version)} is not one to four dot-separated integers up to 65535`);
  }

  const locale = typeof manifest.default_locale === 'string' ? manifest.default_locale : null;
  const hasLocales = [...files.keys()].some((f) => f.startsWith('_locales/'));
  if (hasLocales && !locale) problems.push('the package has _locales/ but the manifest names no default_locale');
  const messages = locale ? object(parse(files.get(`_locales/${locale}/messages.json`))) : null;
  if (locale && !messages) problems.push(`default_locale ${locale} has no _locales/${locale}/messages.json (valid JSON)`);

  const resolve = (field: string): string | null => {
    const value = manifest[field];
    if (typeof value !== 'string') return null;
    const ref = MESSAGE_REF.exec(value);
    if (!ref) return value;
    // Chrome matches message names case-insensitively.
    const key = Object.keys(messages ?? {}).find((k) => k.toLowerCase() === ref[1]!.toLowerCase());
    const message = key ? object(messages![key])?.message : undefined;
    if (typeof message !== 'string') {
      problems.push(`${field} names message ${ref[1]}, which the default locale does not define`);
      return null;
    }
    return message;
  };
  const name = resolve('name');
  if (name === null && typeof manifest.name !== 'string') problems.push('the manifest has no name');
  if (name !== null && [...name].length > 75) problems.push(`name is ${[...name].length} characters, over Chrome's 75`);
  const description = resolve('description');
  if (description !== null && [...description].length > 132) {
    problems.push(`description is ${[...description].length} characters, over Chrome's 132`);
  }
  const shortName = resolve('short_name');
  if (shortName !== null && [...shortName].length > 12) problems.push(`short_name is ${[...shortName].length} characters, over 12`);

  // The store shows each translation too: the same limits hold in every locale that defines them.
  const limits: [string, number][] = [['name', 75], ['description', 132], ['short_name', 12]];
  for (const file of [...files.keys()].sort()) {
    const other = /^_locales\/([^/]+)\/messages\.json$/.exec(file)?.[1];
    if (!other || other === locale) continue;
    const table = object(parse(files.get(file)));
    if (!table) {
      problems.push(`${file} is not valid JSON`);
      continue;
    }
    for (const [field, limit] of limits) {
      const ref = typeof manifest[field] === 'string' ? MESSAGE_REF.exec(manifest[field]) : null;
      const key = ref && Object.keys(table).find((k) => k.toLowerCase() === ref[1]!.toLowerCase());
      const message = key ? object(table[key])?.message : undefined;
      if (typeof message === 'string' && [...message].length > limit) {
        problems.push(`${field} in ${other} is ${[...message].length} characters, over ${limit}`);
      }
    }
  }

  if (!object(manifest.icons)?.['128']) problems.push('no 128 px icon in icons (the Chrome Web Store requires one)');
  for (const { file, from } of referencedFiles(manifest)) {
    if (!files.has(file.replace(/^\//, ''))) problems.push(`${from} names ${file}, which is not in the package`);
  }
  for (const file of files.keys()) {
    const reserved = file.split('/').find((part) => part.startsWith('_') && part !== '_locales');
    if (reserved) problems.push(`${file}: names starting with "_" are reserved by Chrome (${reserved})`);
  }
  return problems;
}
