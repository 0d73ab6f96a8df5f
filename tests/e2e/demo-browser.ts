/**
 * The first step of `npm run demo`, before anything is built: is there a Chromium that can load
 * Sourcemark? If not, on Debian as root it installs Debian's (saying so); elsewhere it stops with
 * the exact command that gets one. Also warns when Chinese fonts are missing on Linux, since the
 * seed pages would then show empty boxes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { findChromium, isFound, notFoundMessage } from '../support/find-chromium';

function hasCjkFont(): boolean | null {
  try {
    return /Noto Sans CJK|Noto Serif CJK|WenQuanYi|Source Han/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return null;
  }
}

let found = findChromium();
// A CHROME_PATH that is not usable is the reader's to fix: installing another would not change it.
if (!isFound(found) && found.getOne.runItHere && !process.env.CHROME_PATH) {
  console.log(`No Chromium that can load Sourcemark here; installing Debian's: ${found.getOne.command}`);
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install = update.status === 0
    ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      })
    : update;
  if (install.status !== 0) {
    console.error(`Installing Debian's chromium failed (exit ${install.status}).`);
    process.exit(1);
  }
  found = findChromium();
}
if (!isFound(found)) {
  console.error(notFoundMessage(found));
  process.exit(1);
}
console.log(`Using ${found.name} at ${found.path} (${found.where}).`);
if (process.platform === 'linux' && hasCjkFont() === false) {
  console.warn('No Chinese font found (fc-list): the seed pages will show empty boxes. On Debian/Ubuntu: apt-get install fonts-noto-cjk');
}
