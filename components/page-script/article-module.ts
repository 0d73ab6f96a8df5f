/**
 * The article script's file (entrypoints/claims, built as claims.js). Firefox runs it as the
 * manifest's content script; in Chrome the manifest runs entrypoints/article-loader, which imports
 * this same file as a module, so that Chromium compiles it off the page's main thread.
 */
export const ARTICLE_MODULE = 'claims.js';
