import type { PageKind } from '../vocabulary/page-kinds';
import type { UrlKind } from './platforms/types';

/** What the page showed, by name (`statement`, `crumb`, `account-link`…), for and against. */
export interface PageEvidence {
  selfMedia: readonly string[];
  editorial: readonly string[];
}

export interface Decision {
  kind: PageKind;
  /** Short English reasons, for debugging and tests: `url:either`, `statement`, `editorial:crumb`. */
  reasons: string[];
}

/**
 * Decide the page kind from the URL's shape on a known platform (null: not one) and what the page
 * shows. Pure, so the rules are tested as a table.
 *
 * - A self-media URL is taken at its word, unless the page shows the newsroom's marks and nothing
 *   of self-media (a redirect or a mislabelled link can put a newsroom page there). A page that
 *   shows nothing yet (not rendered) keeps the URL's word.
 * - An editorial URL is the portal's own news, whatever the page says.
 * - Where both live at one shape, the page decides: any self-media sign wins; newsroom marks alone
 *   mean editorial; neither means unknown, and unknown gets nothing.
 */
export function decide(urlKind: UrlKind | null, evidence: PageEvidence): Decision {
  if (urlKind === null) return { kind: 'unknown', reasons: ['url:none'] };
  const reasons = [`url:${urlKind}`, ...evidence.selfMedia, ...evidence.editorial.map((e) => `editorial:${e}`)];
  if (urlKind === 'editorial') return { kind: 'editorial', reasons };
  const selfMedia = evidence.selfMedia.length > 0;
  const editorial = evidence.editorial.length > 0;
  if (urlKind === 'self-media') return { kind: !selfMedia && editorial ? 'editorial' : 'self-media', reasons };
  if (selfMedia) return { kind: 'self-media', reasons };
  return { kind: editorial ? 'editorial' : 'unknown', reasons };
}
