import type { PageKind, SelfMediaPage } from '../vocabulary/page-kinds';
import { decide } from './decide';
import { evidenceOn, readAccount, type Account } from './page-parts';
import type { PlatformEntry } from './platforms';
import { findPlatformStatement } from './statement';
import { matchUrl } from './url-shape';

/** Recognition's one verdict on a page. */
export interface Recognition {
  /** The known platform whose article URL this is, or null. */
  platform: PlatformEntry | null;
  kind: PageKind;
  /** On a self-media page: its product name, the value of `data-sourcemark-page`. */
  page: SelfMediaPage | null;
  /** On a self-media page: who uploaded it, when the page says. */
  account: Account | null;
  /** On a self-media page: the elements holding the platform's statement, one per language. */
  statements: Element[];
  reasons: string[];
}

/**
 * Reads a page: its platform from the URL, its statement from the text, and the rest from the
 * platform's evidence. Nothing on the page is touched (mark-page.ts writes the attributes).
 * Only the URL's platform's wordings are looked for: a statement copied onto another site, or a
 * platform's statement quoted in a different platform's article, proves nothing.
 */
export function recognise(doc: Document, url: string): Recognition {
  const match = matchUrl(url);
  if (!match) return { platform: null, kind: 'unknown', page: null, account: null, statements: [], reasons: ['url:none'] };
  const { platform } = match;
  const statements = doc.body ? findPlatformStatement(doc.body, platform.statements, platform.selectors.statement) : [];
  // The statement is proof enough; other signs and the newsroom's marks are read only when they
  // can change the verdict (decide.ts), since text tests cost a pass over their elements.
  const selfMedia = statements.length ? ['statement'] : evidenceOn(doc, platform.evidence.selfMedia);
  const editorial = selfMedia.length ? [] : evidenceOn(doc, platform.evidence.editorial);
  const { kind, reasons } = decide(match.kind, { selfMedia, editorial });
  if (kind !== 'self-media') return { platform, kind, page: null, account: null, statements: [], reasons };
  return { platform, kind, page: platform.page, account: readAccount(doc, platform), statements, reasons };
}
