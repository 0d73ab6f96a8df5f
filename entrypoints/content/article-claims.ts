import { fitParagraphs } from '@/components/claims/fit-paragraphs';
import type { DetectedClaim } from '@/components/marking/claim-marks';
import { blockTexts, type BlockText } from '@/components/marking/text-ranges';
import { ATTR } from '@/components/vocabulary/attributes';
import { request } from '@/storage/messaging/client';
import { MAX_CLAIM_BLOCKS, MAX_CLAIM_TEXT } from '@/storage/messaging/protocol-constants';

/** The claims the background found, and the page text their offsets are into. */
export interface FoundClaims {
  text: BlockText;
  claims: readonly DetectedClaim[];
}

/** Asking again when the page changed its article meanwhile: a few times, then what still fits. */
const ATTEMPTS = 3;

/**
 * Asks the background to find the article's claims (`claims.detect`), so the detector and its
 * lexicon never run on the page's main thread. The article may change while the answer is on its
 * way (a page script fills in text, lazy paragraphs): then its text is read again, and only the
 * claims whose sentence is still at its offsets are kept, asking again while some are lost.
 */
export async function findArticleClaims(body: Element, first: BlockText = blockTexts(body)): Promise<FoundClaims> {
  let text = first;
  for (let attempt = 1; ; attempt++) {
    const sent = text.text;
    if (!sent) return { text, claims: [] };
    const watch = watchText(body);
    const { claims } = await request({ type: 'claims.detect', blocks: fitParagraphs(sent, MAX_CLAIM_BLOCKS, MAX_CLAIM_TEXT) }).finally(() =>
      watch.stop(),
    );
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
