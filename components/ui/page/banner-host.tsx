import { render } from 'preact';
import Banner, { type SelfMediaNotice } from '@/components/ui/page/Banner';
import ClaimAudit, { type ClaimAuditProps } from '@/components/ui/page/ClaimAudit';
import { bannerCss, claimCss } from '@/components/ui/page/banner-styles';
import type { Lang } from '@/components/vocabulary/strings';
import { createShadowUi } from '@/components/marking/shadow-host';
import ArticleChanges from '@/components/ui/page/ArticleChanges';
import GoneNotice, { type GoneNoticeProps } from '@/components/ui/page/GoneNotice';
import type { ParagraphDiff } from '@/components/factcheck/diff';

export type AuditState = Omit<ClaimAuditProps, 'lang'>;

export interface BannerHandle {
  /** Shows (or refreshes) the claim audit inside the banner. */
  setAudit(audit: AuditState): void;
  /** The account's line from the reader's ledger. */
  setLedgerLine(line: string | null): void;
  /** How the article differs from the reader's snapshot of it. */
  setChanges(changes: { taken: string; diff: ParagraphDiff } | null): void;
  remove(): void;
}

/** Puts the banner right above `anchor` (the article title). */
export function showBanner(
  anchor: Element,
  opts: { lang: Lang; selfMedia: SelfMediaNotice; onDismiss?: () => void },
): BannerHandle {
  const doc = anchor.ownerDocument;
  const ui = createShadowUi(doc, 'banner', bannerCss + claimCss);
  const mount = doc.createElement('div');
  ui.shadow.append(mount);
  let audit: AuditState | null = null;
  let ledgerLine: string | null = null;
  let changes: { taken: string; diff: ParagraphDiff } | null = null;
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    render(null, mount);
    ui.remove();
    opts.onDismiss?.();
  };
  const draw = () => {
    if (removed) return;
    render(
      <Banner lang={opts.lang} selfMedia={opts.selfMedia} onDismiss={remove}>
        {ledgerLine ? <p class="ledger-line">{ledgerLine}</p> : null}
        {changes ? <ArticleChanges lang={opts.lang} {...changes} /> : null}
        {audit ? <ClaimAudit lang={opts.lang} {...audit} /> : null}
      </Banner>,
      mount,
    );
  };
  draw();
  anchor.before(ui.host);
  return {
    setAudit(next) {
      audit = next;
      draw();
    },
    setLedgerLine(line) {
      ledgerLine = line;
      draw();
    },
    setChanges(next) {
      changes = next;
      draw();
    },
    remove,
  };
}

/**
 * The article the reader kept a copy of is gone: a notice at the top of the page (there is no
 * article title to put it by), with the button that opens the copy.
 */
export type GoneNoticeOptions = GoneNoticeProps;

export function showGoneNotice(doc: Document, opts: GoneNoticeOptions): { remove(): void } {
  const ui = createShadowUi(doc, 'banner', bannerCss);
  const mount = doc.createElement('div');
  ui.shadow.append(mount);
  const remove = () => {
    render(null, mount);
    ui.remove();
  };
  render(
    <Banner lang={opts.lang} selfMedia={null} onDismiss={remove}>
      <GoneNotice {...opts} />
    </Banner>,
    mount,
  );
  (doc.body ?? doc.documentElement).prepend(ui.host);
  return { remove };
}
