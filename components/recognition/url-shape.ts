import { PLATFORMS, type PlatformEntry } from './platforms';
import type { UrlKind, UrlShape } from './platforms/types';

export interface UrlMatch {
  platform: PlatformEntry;
  kind: UrlKind;
}

function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern;
  const domain = pattern.slice(2);
  return host === domain || host.endsWith(`.${domain}`);
}

function shapeMatches(shape: UrlShape, u: URL): boolean {
  if (!hostMatches(shape.host, u.hostname) || !shape.path.test(u.pathname)) return false;
  for (const [name, re] of Object.entries(shape.query ?? {})) {
    if (!re.test(u.searchParams.get(name) ?? '')) return false;
  }
  return true;
}

/**
 * Which platform's article a URL is, by its shape alone, or null. https only: the content scripts
 * run on https alone, and a portal's article served over http is not the portal's page (nor
 * should it get the reader's highlights of the real one). Never throws.
 */
export function matchUrl(url: string, platforms: readonly PlatformEntry[] = PLATFORMS): UrlMatch | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  for (const platform of platforms) {
    const shape = platform.urls.find((s) => shapeMatches(s, u));
    if (shape) return { platform, kind: shape.kind };
  }
  return null;
}

/**
 * The manifest match patterns where the content script and the claim detector run by themselves:
 * every shape where a self-media article can be, https only, each once. Editorial-only shapes are
 * left out, so the portals' own news never gets a Sourcemark script unless the reader asks.
 */
export function selfMediaMatchPatterns(platforms: readonly PlatformEntry[] = PLATFORMS): string[] {
  const patterns = platforms.flatMap((p) =>
    p.urls.filter((s) => s.kind !== 'editorial' && s.match).map((s) => `https://${s.host}${s.match}`),
  );
  return [...new Set(patterns)];
}

/**
 * The origins of selfMediaMatchPatterns, as match patterns (`https://host/*`), each once: where a
 * page may load what the article script's loader imports (a web-accessible resource's `matches`
 * take origins only).
 */
export function selfMediaOrigins(platforms: readonly PlatformEntry[] = PLATFORMS): string[] {
  return [...new Set(selfMediaMatchPatterns(platforms).map((p) => p.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')))];
}
