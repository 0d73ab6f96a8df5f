import './marks.css';
import { langOf } from '@/components/i18n';
import { showBanner } from './banner';
import { markNeteasePage } from './netease';
import { findArticleTop } from './page-signals';

export default defineContentScript({
  matches: ['*://*.163.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const result = markNeteasePage(document, location.href);
    if (result.verdict.kind !== 'netease-hao') return;
    const anchor = findArticleTop(document);
    if (!anchor) return;
    const banner = showBanner(anchor, { lang: langOf(navigator.language), account: result.account });
    ctx.onInvalidated(() => banner.remove());
  },
});
