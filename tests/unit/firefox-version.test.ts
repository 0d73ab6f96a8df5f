import { describe, expect, it } from 'vitest';
import { compareVersions, firefoxVersionProblem, versionNumbers } from '../support/firefox-version';

describe('firefoxVersionProblem', () => {
  it('accepts Debian’s ESR at and above the minimum', () => {
    expect(firefoxVersionProblem('/usr/bin/firefox-esr', 'Mozilla Firefox 153.8.0esr\n', '140.0')).toBeNull();
    expect(firefoxVersionProblem('/x/firefox-esr', 'Mozilla Firefox 140.12.0esr', '140.0')).toBeNull();
    expect(firefoxVersionProblem('/x/firefox', 'Mozilla Firefox 140.0', '140.0')).toBeNull();
  });

  it('refuses an older Firefox, naming both versions and how to get a newer one', () => {
    const problem = firefoxVersionProblem('/usr/bin/firefox-esr', 'Mozilla Firefox 128.14.0esr', '140.0');
    expect(problem).toContain('Firefox 128.14.0, older than the build\'s strict_min_version 140.0');
    expect(problem).toContain('apt-get install firefox-esr');
    expect(problem).toContain('FIREFOX_PATH');
  });

  it('refuses a binary that is no Firefox', () => {
    expect(firefoxVersionProblem('/usr/bin/chromium', 'Chromium 156.0.7000.1 built on Debian', '140.0')).toMatch(
      /^\/usr\/bin\/chromium is not a Firefox \(its --version said "Chromium 156/,
    );
  });
});

describe('compareVersions', () => {
  it.each([
    [[140, 12, 0], [140], 1],
    [[140], [140, 0], 0],
    [[139, 99], [140], -1],
  ])('compares %j with %j as %i', (a, b, want) => {
    expect(compareVersions(a, b)).toBe(want);
  });

  it('reads the numbers of an ESR version', () => {
    expect(versionNumbers('153.8.0esr')).toEqual([153, 8, 0]);
    expect(versionNumbers('esr')).toBeNull();
  });
});
