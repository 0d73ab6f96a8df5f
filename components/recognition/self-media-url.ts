import { patternCovers } from './match-pattern';
import { selfMediaMatchPatterns } from './url-shape';

let patterns: string[] | null = null;

/**
 * Whether `url` is where the manifest runs the article script: a self-media article URL of the
 * registry, the host access Sourcemark has from install. The background injects the annotator
 * there on the article script's request as it does on a site the reader granted.
 */
export function atSelfMediaUrl(url: string): boolean {
  patterns ??= selfMediaMatchPatterns();
  return patterns.some((p) => patternCovers(p, url));
}
