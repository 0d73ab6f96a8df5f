/**
 * Which Chromium the demo, the e2e tests and the bench may load Sourcemark into, decided without
 * touching the machine (tests/support/find-chromium.ts does the looking). Branded Google Chrome is
 * never one: since version 137 it ignores `--load-extension`, so it would open without Sourcemark
 * and the demo would show nothing. Chromium and Chrome for Testing still honour the flag.
 */

export type HostPlatform = 'linux' | 'darwin' | 'other';

/** Where to look, most specific first. `home` is the user's home folder, `cwd` the project. */
export interface SearchPlace {
  platform: HostPlatform;
  home: string;
  cwd: string;
  /** The folders of $PATH. */
  pathDirs: string[];
  /** $CHROME_PATH, when set: the reader's own choice, tried first and alone. */
  chromePath?: string;
}

/** A path to try, or a folder pattern (`*` stands for one unknown folder name) to expand. */
export interface Candidate {
  path: string;
  where: string;
}

const PUPPETEER_LINUX = 'chrome/*/chrome-linux64/chrome';
const PUPPETEER_MAC = 'chrome/*/chrome-mac-*/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';

export function candidates(place: SearchPlace): Candidate[] {
  if (place.chromePath) return [{ path: place.chromePath, where: 'CHROME_PATH' }];
  const onPath = (names: string[]): Candidate[] =>
    place.pathDirs.flatMap((dir) => names.map((name) => ({ path: `${dir}/${name}`, where: 'PATH' })));
  const puppeteer = place.platform === 'darwin' ? PUPPETEER_MAC : PUPPETEER_LINUX;
  const installed: Candidate[] = [
    { path: `${place.home}/.cache/puppeteer/${puppeteer}`, where: 'Chrome for Testing (~/.cache/puppeteer)' },
    { path: `${place.cwd}/${puppeteer}`, where: 'Chrome for Testing (this folder)' },
  ];
  if (place.platform === 'linux') {
    return [
      // Debian's: the binary itself, since /usr/bin/chromium is a wrapper script.
      { path: '/usr/lib/chromium/chromium', where: "Debian's chromium" },
      { path: '/usr/bin/chromium', where: "Debian's chromium" },
      ...onPath(['chromium', 'chromium-browser', 'chrome']),
      { path: '/snap/bin/chromium', where: 'the chromium snap' },
      ...installed,
    ];
  }
  if (place.platform === 'darwin') {
    return [
      { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', where: 'Chromium.app' },
      { path: `${place.home}/Applications/Chromium.app/Contents/MacOS/Chromium`, where: 'Chromium.app' },
      {
        path: '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        where: 'Chrome for Testing.app',
      },
      ...onPath(['chromium', 'chrome']),
      ...installed,
    ];
  }
  return [...onPath(['chromium', 'chromium.exe', 'chrome', 'chrome.exe']), ...installed];
}

export type Verdict = { usable: true; name: string } | { usable: false; why: string };

/**
 * Judges a browser by what it prints for `--version`: "Chromium 156.0…", "Google Chrome for
 * Testing 143.0…", "Google Chrome 143.0…" (branded), or something else.
 */
export function judgeVersion(printed: string): Verdict {
  const text = printed.trim();
  const chromium = /\bChromium (\d+)\./.exec(text);
  if (chromium) return { usable: true, name: `Chromium ${chromium[1]}` };
  const forTesting = /\bGoogle Chrome for Testing (\d+)\./.exec(text);
  if (forTesting) return { usable: true, name: `Chrome for Testing ${forTesting[1]}` };
  const branded = /\bGoogle Chrome (\d+)\./.exec(text);
  if (branded) {
    const major = Number(branded[1]);
    return major >= 137
      ? { usable: false, why: `Google Chrome ${major} ignores --load-extension (since 137), so it cannot load Sourcemark` }
      : { usable: true, name: `Google Chrome ${major}` };
  }
  return { usable: false, why: `not a Chromium (it says ${JSON.stringify(text.split('\n')[0]!.slice(0, 80))})` };
}

export interface GetOne {
  /** The command that gets a usable Chromium on this kind of machine. */
  command: string;
  /** Whether the demo may run it itself (Debian, as root: apt is the reader's own package manager). */
  runItHere: boolean;
}

export function howToGetOne(platform: HostPlatform, os: { debianLike: boolean; root: boolean }): GetOne {
  if (platform === 'linux' && os.debianLike) {
    return os.root
      ? { command: 'apt-get install -y chromium fonts-noto-cjk', runItHere: true }
      : { command: 'sudo apt-get install chromium fonts-noto-cjk', runItHere: false };
  }
  return { command: 'npx @puppeteer/browsers install chrome@stable --path ~/.cache/puppeteer', runItHere: false };
}
