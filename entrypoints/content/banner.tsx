import { render } from 'preact';
import Banner from '@/components/Banner';
import { bannerCss } from '@/components/banner-styles';
import type { Lang } from '@/components/i18n';
import { createShadowUi } from './shadow-host';

export interface BannerHandle {
  remove(): void;
}

/** Puts the self-media banner right above `anchor` (the article title). */
export function showBanner(anchor: Element, opts: { lang: Lang; account: string | null }): BannerHandle {
  const doc = anchor.ownerDocument;
  const ui = createShadowUi(doc, 'banner', bannerCss);
  const mount = doc.createElement('div');
  ui.shadow.append(mount);
  const remove = () => {
    render(null, mount);
    ui.remove();
  };
  render(<Banner lang={opts.lang} account={opts.account} onDismiss={remove} />, mount);
  anchor.before(ui.host);
  return { remove };
}
