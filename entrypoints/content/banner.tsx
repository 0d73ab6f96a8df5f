import { render } from 'preact';
import Banner, { type SelfMediaNotice } from '@/components/ui/page/Banner';
import ClaimAudit, { type ClaimAuditProps } from '@/components/ui/page/ClaimAudit';
import { bannerCss, claimCss } from '@/components/ui/page/banner-styles';
import type { Lang } from '@/components/vocabulary/strings';
import { createShadowUi } from '@/components/marking/shadow-host';

export type AuditState = Omit<ClaimAuditProps, 'lang'>;

export interface BannerHandle {
  /** Shows (or refreshes) the claim audit inside the banner. */
  setAudit(audit: AuditState): void;
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
