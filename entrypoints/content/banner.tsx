import { render } from 'preact';
import Banner from '@/components/Banner';
import ClaimAudit, { type ClaimAuditProps } from '@/components/ClaimAudit';
import { bannerCss, claimCss } from '@/components/banner-styles';
import type { Lang } from '@/components/i18n';
import { createShadowUi } from './shadow-host';

export type AuditState = Omit<ClaimAuditProps, 'lang'>;

export interface BannerHandle {
  /** Shows (or refreshes) the claim audit inside the banner. */
  setAudit(audit: AuditState): void;
  remove(): void;
}

/** Puts the banner right above `anchor` (the article title). */
export function showBanner(
  anchor: Element,
  opts: { lang: Lang; account: string | null; onDismiss?: () => void },
): BannerHandle {
  const doc = anchor.ownerDocument;
  const ui = createShadowUi(doc, 'banner', bannerCss + claimCss);
  const mount = doc.createElement('div');
  ui.shadow.append(mount);
  let audit: AuditState | null = null;
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
      <Banner lang={opts.lang} selfMedia={{ account: opts.account }} onDismiss={remove}>
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
    remove,
  };
}
