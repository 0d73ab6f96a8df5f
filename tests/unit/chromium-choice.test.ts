import { describe, expect, it } from 'vitest';
import { candidates, howToGetOne, judgeVersion, type SearchPlace } from '../support/chromium-choice';

const linux: SearchPlace = { platform: 'linux', home: '/home/r', cwd: '/src/sourcemark', pathDirs: ['/usr/local/bin', '/usr/bin'] };
const mac: SearchPlace = { platform: 'darwin', home: '/Users/r', cwd: '/src/sourcemark', pathDirs: ['/opt/homebrew/bin'] };

describe('judgeVersion: which browsers can load an unpacked extension', () => {
  it("takes Debian's Chromium", () => {
    expect(judgeVersion('Chromium 156.0.8078.114 \n')).toEqual({ usable: true, name: 'Chromium 156' });
  });

  it('takes Chrome for Testing, which still honours --load-extension', () => {
    expect(judgeVersion('Google Chrome for Testing 143.0.7499.40')).toEqual({ usable: true, name: 'Chrome for Testing 143' });
  });

  it('refuses branded Google Chrome from 137 on, saying why', () => {
    const verdict = judgeVersion('Google Chrome 137.0.7151.55');
    expect(verdict.usable).toBe(false);
    expect(verdict.usable === false && verdict.why).toMatch(/ignores --load-extension/);
  });

  it('takes branded Google Chrome before 137', () => {
    expect(judgeVersion('Google Chrome 136.0.7103.92')).toEqual({ usable: true, name: 'Google Chrome 136' });
  });

  it('refuses something that is not a Chromium, quoting what it printed', () => {
    const verdict = judgeVersion('Mozilla Firefox 153.8.0esr');
    expect(verdict).toEqual({ usable: false, why: 'not a Chromium (it says "Mozilla Firefox 153.8.0esr")' });
  });
});

describe('candidates: where to look', () => {
  it('tries only CHROME_PATH when the reader set it', () => {
    expect(candidates({ ...linux, chromePath: '/opt/cft/chrome' })).toEqual([{ path: '/opt/cft/chrome', where: 'CHROME_PATH' }]);
  });

  it("looks at Debian's binary first on Linux, then the PATH, then Chrome for Testing installs", () => {
    const paths = candidates(linux).map((c) => c.path);
    expect(paths[0]).toBe('/usr/lib/chromium/chromium');
    expect(paths).toContain('/usr/local/bin/chromium');
    expect(paths).toContain('/usr/bin/chromium-browser');
    expect(paths.indexOf('/usr/local/bin/chromium')).toBeLessThan(paths.indexOf('/home/r/.cache/puppeteer/chrome/*/chrome-linux64/chrome'));
    expect(paths).toContain('/src/sourcemark/chrome/*/chrome-linux64/chrome');
  });

  it('never proposes branded Google Chrome', () => {
    for (const place of [linux, mac]) {
      for (const c of candidates(place)) expect(c.path).not.toMatch(/google-chrome|Google Chrome\.app|\/opt\/google/);
    }
  });

  it('looks in the macOS application folders, and for Chrome for Testing where @puppeteer/browsers puts it', () => {
    const paths = candidates(mac).map((c) => c.path);
    expect(paths[0]).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(paths).toContain(
      '/Users/r/.cache/puppeteer/chrome/*/chrome-mac-*/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    );
  });
});

describe('howToGetOne', () => {
  it("installs Debian's chromium itself only on Debian as root", () => {
    expect(howToGetOne('linux', { debianLike: true, root: true })).toEqual({
      command: 'apt-get install -y chromium fonts-noto-cjk',
      runItHere: true,
    });
    expect(howToGetOne('linux', { debianLike: true, root: false })).toEqual({
      command: 'sudo apt-get install chromium fonts-noto-cjk',
      runItHere: false,
    });
  });

  it('tells everyone else to fetch Chrome for Testing, into the folder the search looks in', () => {
    for (const platform of ['darwin', 'other'] as const) {
      const way = howToGetOne(platform, { debianLike: false, root: false });
      expect(way.runItHere).toBe(false);
      expect(way.command).toBe('npx @puppeteer/browsers install chrome@stable --path ~/.cache/puppeteer');
    }
  });
});
