import { bannerDom, type SelfMediaNotice } from '@/components/ui/page/banner-dom';
import { claimAuditDom, type AuditState, type ClaimAuditDom } from '@/components/ui/page/claim-audit-dom';
import { bannerCss, claimCss } from '@/components/ui/page/banner-styles';
import type { Lang } from '@/components/vocabulary/strings';
import { createShadowUi } from '@/components/marking/shadow-host';
import { articleChangesDom } from '@/components/ui/page/article-changes-dom';
import { goneNoticeDom, type GoneNoticeOptions } from '@/components/ui/page/gone-notice-dom';
import { domEl } from '@/components/ui/page/dom-el';
import type { ParagraphDiff } from '@/components/factcheck/diff';

export type { AuditState };

export interface BannerHandle {
  /** Shows (or refreshes) the claim audit inside the banner. */
  setAudit(audit: AuditState): void;
  /** The account's line from the reader's ledger. */
  setLedgerLine(line: string | null): void;
  /** How the article differs from the reader's snapshot of it. */
  setChanges(changes: { taken: string; diff: ParagraphDiff } | null): void;
  remove(): void;
}

/**
 * Puts the banner right above `anchor` (the article title). The banner, its ledger line and the
 * claim audit are plain DOM (banner-dom.ts), as are the changes since the reader's snapshot, which
 * only a changed article shows, drawn into their own box when there are some.
 * Below the notice, in this order: the ledger line, the changes, the audit.
 */
export function showBanner(
  anchor: Element,
  opts: { lang: Lang; selfMedia: SelfMediaNotice; onDismiss?: () => void },
): BannerHandle {
  const doc = anchor.ownerDocument;
  const ui = createShadowUi(doc, 'banner', bannerCss + claimCss);
  let removed = false;
  let ledger: HTMLElement | null = null;
  let changesBox: HTMLElement | null = null;
  let audit: ClaimAuditDom | null = null;
  const remove = () => {
    if (removed) return;
    removed = true;
    ui.remove();
    opts.onDismiss?.();
  };
  const { root, text } = bannerDom(doc, { lang: opts.lang, selfMedia: opts.selfMedia, onDismiss: remove });
  /** Puts a new piece in its place among the others, moving none (a focused one keeps focus). */
  const insert = (piece: HTMLElement) => {
    const order = [ledger, changesBox, audit?.element ?? null];
    const next = order.slice(order.indexOf(piece) + 1).find((p) => p?.parentNode === text) ?? null;
    text.insertBefore(piece, next);
  };
  ui.shadow.append(root);
  anchor.before(ui.host);
  return {
    setAudit(next) {
      if (removed) return;
      if (!audit) {
        audit = claimAuditDom(doc, opts.lang);
        insert(audit.element);
      }
      audit.update(next);
    },
    setLedgerLine(line) {
      if (removed) return;
      if (!line) {
        ledger?.remove();
        ledger = null;
        return;
      }
      if (!ledger) {
        ledger = domEl(doc, 'p', 'ledger-line');
        insert(ledger);
      }
      ledger.textContent = line;
    },
    setChanges(next) {
      if (removed) return;
      if (!next) {
        changesBox?.remove();
        changesBox = null;
        return;
      }
      if (!changesBox) {
        changesBox = domEl(doc, 'div', 'changes-box');
        insert(changesBox);
      }
      changesBox.replaceChildren(articleChangesDom(doc, { lang: opts.lang, ...next }));
    },
    remove,
  };
}

export type { GoneNoticeOptions };

/**
 * The article the reader kept a copy of is gone: a notice at the top of the page (there is no
 * article title to put it by), with the button that opens the copy.
 */
export function showGoneNotice(doc: Document, opts: GoneNoticeOptions): { remove(): void } {
  const ui = createShadowUi(doc, 'banner', bannerCss);
  let removed = false;
  const { root, text } = bannerDom(doc, { lang: opts.lang, selfMedia: null, onDismiss: () => remove() });
  const remove = () => {
    if (removed) return;
    removed = true;
    ui.remove();
  };
  text.append(goneNoticeDom(doc, opts));
  ui.shadow.append(root);
  (doc.body ?? doc.documentElement).prepend(ui.host);
  return { remove };
}
