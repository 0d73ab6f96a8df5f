/**
 * Looks for a Chromium Sourcemark can be loaded into, on this machine (the choice itself is
 * tests/support/chromium-choice.ts). Used by the e2e harness, the bench and `npm run demo`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { candidates, howToGetOne, judgeVersion, type GetOne, type HostPlatform } from './chromium-choice';

export interface Found {
  path: string;
  name: string;
  where: string;
}

export interface NotFound {
  /** Browsers that were found but cannot load the extension, each with why. */
  refused: string[];
  getOne: GetOne;
}

export function hostPlatform(): HostPlatform {
  return process.platform === 'linux' ? 'linux' : process.platform === 'darwin' ? 'darwin' : 'other';
}

/** Expands the `*` folder names of a candidate (Chrome for Testing's versioned folders), newest last. */
function expand(pattern: string): string[] {
  const parts = pattern.split('/');
  let paths = [parts[0] === '' ? '/' : parts[0]!];
  for (const part of parts.slice(1)) {
    if (!part.includes('*')) {
      paths = paths.map((p) => path.join(p, part));
      continue;
    }
    const re = new RegExp(`^${part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    paths = paths.flatMap((p) => {
      try {
        return fs.readdirSync(p).filter((name) => re.test(name)).sort().map((name) => path.join(p, name));
      } catch {
        return [];
      }
    });
  }
  return paths;
}

function versionOf(binary: string): string {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    return `(--version failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
}

export function findChromium(): Found | NotFound {
  const platform = hostPlatform();
  const list = candidates({
    platform,
    home: os.homedir(),
    cwd: process.cwd(),
    pathDirs: (process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
    chromePath: process.env.CHROME_PATH || undefined,
  });
  const refused: string[] = [];
  const seen = new Set<string>();
  for (const candidate of list) {
    // The newest Chrome for Testing first.
    for (const binary of expand(candidate.path).reverse()) {
      if (!fs.existsSync(binary) || fs.statSync(binary).isDirectory()) continue;
      const real = fs.realpathSync(binary);
      if (seen.has(real)) continue;
      seen.add(real);
      const verdict = judgeVersion(versionOf(binary));
      if (verdict.usable) return { path: binary, name: verdict.name, where: candidate.where };
      refused.push(`${binary} (${candidate.where}): ${verdict.why}`);
    }
  }
  const debianLike = fs.existsSync('/etc/debian_version');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return { refused, getOne: howToGetOne(platform, { debianLike, root }) };
}

export function isFound(result: Found | NotFound): result is Found {
  return 'path' in result;
}

/** The message for a machine without a usable Chromium. */
export function notFoundMessage(result: NotFound): string {
  const lines = ['No Chromium that can load Sourcemark was found.'];
  for (const r of result.refused) lines.push(`  found, not usable: ${r}`);
  lines.push(
    'Branded Google Chrome 137 and later ignores --load-extension; Chromium or Chrome for Testing is needed.',
    `Get one with:  ${result.getOne.command}`,
    'or point CHROME_PATH at a Chromium you have.',
  );
  return lines.join('\n');
}
