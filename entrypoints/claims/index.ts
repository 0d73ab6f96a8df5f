import { detectClaims } from '@/components/claims';
import { provideArticleKit } from '@/components/recognition/article-kit';
import { markPage } from '@/components/recognition/mark-page';
import { findArticleBody, findArticleTop } from '@/components/recognition/page-parts';

/**
 * The article script: recognition and the claim detector, loaded as a content script only where a
 * self-media article can be (the manifest entry is added in wxt.config.ts, at
 * selfMediaMatchPatterns()); the main content script uses them through the article kit. An
 * unlisted script rather than a WXT content script: it needs no extension API, so it carries no
 * context object and no browser polyfill.
 */
export default defineUnlistedScript(() => {
  provideArticleKit({ markPage, findArticleBody, findArticleTop, detectClaims });
});
