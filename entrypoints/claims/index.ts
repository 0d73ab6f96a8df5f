import { provideArticleKit } from '@/components/recognition/article-kit';
import { markPage } from '@/components/recognition/mark-page';
import { findArticleBody, findArticleTop } from '@/components/recognition/page-parts';
import { hashParagraphs, readArticle } from '@/components/factcheck/snapshot';
import { diffParagraphs } from '@/components/factcheck/diff';
import { articleGone, showsDeletionNotice } from '@/components/factcheck/gone';
import { startSelfMediaUi } from '@/components/ui/page/self-media-ui';
import { showGoneNotice } from '@/components/ui/page/banner-host';
import { findArticleClaims, markFoundClaims } from '@/components/marking/article-claims';

/**
 * The article script: recognition, reading the article and the article page's UI (the claim
 * detector runs in the background), loaded as a content script only where a self-media article
 * can be (the manifest entry is added in wxt.config.ts, at selfMediaMatchPatterns()); the main
 * content script uses them through the article kit. An
 * unlisted script rather than a WXT content script: it needs no extension API, so it carries no
 * context object and no browser polyfill.
 */
export default defineUnlistedScript(() => {
  provideArticleKit({
    markPage,
    findArticleBody,
    findArticleTop,
    findArticleClaims,
    markFoundClaims,
    readArticle,
    hashParagraphs,
    diffParagraphs,
    articleGone,
    showsDeletionNotice,
    startSelfMediaUi,
    showGoneNotice,
  });
});
