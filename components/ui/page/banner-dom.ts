import type { Lang, PlatformNames, PlatformRole } from '@/components/vocabulary/strings';
import { strings } from '@/components/vocabulary/strings';

export type SelfMediaNotice = {
  names: PlatformNames;
  account: string | null;
  /** What the platform's statement says it does, or `silent`: it prints none (百家号, 公众号). */
  role: PlatformRole | 'silent';
};

export interface BannerDom {
  /** The region itself. */
  root: HTMLElement;
  /** Where the banner's text goes, after the self-media notice (ledger line, changes, audit). */
  text: HTMLElement;
}

/**
 * The notice shown above an article, drawn as plain DOM: it is the first thing Sourcemark draws
 * on an article page, while the page itself is still loading, and a handful of fixed elements
 * needs no renderer (Preact's first render cost more than everything else the banner does). The
 * region's name is "Sourcemark" so screen-reader users can jump to it and tests can find it by
 * role. `selfMedia` null: no notice of the upload (the gone notice uses the same frame).
 */
export function bannerDom(doc: Document, opts: { lang: Lang; selfMedia: SelfMediaNotice | null; onDismiss: () => void }): BannerDom {
  const t = strings[opts.lang];
  const root = doc.createElement('section');
  root.className = 'banner';
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', 'Sourcemark');
  root.lang = opts.lang === 'zh' ? 'zh-CN' : 'en';
  const text = doc.createElement('div');
  text.className = 'text';
  if (opts.selfMedia) {
    const title = doc.createElement('strong');
    title.className = 'title';
    title.textContent = t.bannerTitle;
    const body = doc.createElement('p');
    body.className = 'body';
    body.textContent = t.bannerBody(opts.selfMedia.names, opts.selfMedia.account, opts.selfMedia.role);
    text.append(title, body);
  }
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'dismiss';
  dismiss.setAttribute('aria-label', t.bannerDismiss);
  dismiss.title = t.bannerDismiss;
  dismiss.textContent = '×';
  dismiss.addEventListener('click', () => opts.onDismiss());
  root.append(text, dismiss);
  return { root, text };
}
