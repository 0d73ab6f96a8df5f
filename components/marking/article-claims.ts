import { ATTR } from '../vocabulary/attributes';
import { keepingSelection } from './selection-keeper';
import { markDetectedClaims, type ClaimMarks, type DetectedClaim } from './claim-marks';
import { blockTexts, type BlockText } from './text-ranges';

/** The claims the background found, and the page text their offsets are into. */
export interface FoundClaims {
  text: BlockText;
  claims: readonly DetectedClaim[];
}

/** Asking again when the page changed its article meanwhile: a few times, then what still fits. */
const ATTEMPTS = 3;

/**
 * Has `detect` find the claims in the article body's text (the content script asks the background,
 * `claims.detect`, so the detector and its lexicon never run on the page's main thread). The
 * article may change while the answer is on its way (a page script fills in text, lazy
 * paragraphs): then its text is read again, and only the claims whose sentence is still at its
 * offsets are kept, asking again while some are lost. DOM only, like the rest of marking; it ships
 * in the article script (the article kit), as only article pages mark claims.
 */
export async function findArticleClaims(body: Element, detect: (text: string) => Promise<readonly DetectedClaim[]>): Promise<FoundClaims> {
  let text = blockTexts(body);
  for (let attempt = 1; ; attempt++) {
    const sent = text.text;
    if (!sent) return { text, claims: [] };
    const watch = watchText(body);
    const claims = await detect(sent).finally(() => watch.stop());
    if (!watch.changed) return { text, claims };
    text = blockTexts(body);
    const now = text.text;
    const kept = claims.filter((c) => now.slice(c.start, c.end) === sent.slice(c.start, c.end));
    if (kept.length === claims.length || attempt >= ATTEMPTS) return { text, claims: kept };
  }
}

/** Whether anything but Sourcemark's own UI changed under `root` until `stop`. */
function watchText(root: Element): { readonly changed: boolean; stop(): void } {
  let changed = false;
  const ours = (n: Node) => n.nodeType === 1 && (n as Element).hasAttribute(ATTR.ui);
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.type !== 'childList' || ![...r.addedNodes, ...r.removedNodes].every(ours))) changed = true;
  });
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  return {
    get changed() {
      return changed;
    },
    stop() {
      // Records not yet delivered still count.
      if (observer.takeRecords().some((r) => r.type !== 'childList' || ![...r.addedNodes, ...r.removedNodes].every(ours))) changed = true;
      observer.disconnect();
    },
  };
}

/**
 * Marks the claims found, keeping a passage the reader selected while they were on their way
 * (selection-keeper.ts): wrapping moves the selected Text nodes.
 */
export function markFoundClaims(body: Element, found: FoundClaims): ClaimMarks {
  return keepingSelection(body, () => markDetectedClaims(found.text, found.claims));
}
