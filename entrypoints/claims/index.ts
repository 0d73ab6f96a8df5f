import { ScriptContext } from '@/components/page-script/script-context';
import { startArticleScript } from './start-article';

/**
 * The article script: what a reader sees on a self-media article at load (recognition, the
 * statement marks, banner, claim marks and tooltips, badge, ledger and snapshot), loaded as a
 * content script only where a self-media article can be (the manifest entry is added in
 * wxt.config.ts, at selfMediaMatchPatterns()). The annotator (the content script) is injected by
 * the background when the page needs it, and takes this script's session over
 * (components/recognition/article-session.ts). An unlisted script rather than a WXT content
 * script: it carries no WXT context object (a page could tear that down) and no browser polyfill.
 */
export default defineUnlistedScript(() => {
  // Recognising the page in a task of its own: with evaluating this script in the same task it
  // came to about a frame (tests/bench/page-cost.ts, longest task), and the page gets its turn between.
  const ctx = new ScriptContext();
  ctx.setTimeout(() => startArticleScript(ctx), 0);
});
