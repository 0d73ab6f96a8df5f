import '@/components/marking/marks.css';
import { startSourcemark } from './content/start';
import { ScriptContext } from '@/components/page-script/script-context';

/**
 * The content script: the annotator. An unlisted script rather than a WXT content script, so that
 * WXT's context (which announces itself to the page and can be torn down by it) never exists
 * here; see components/page-script/script-context.ts. No manifest entry loads it: the background
 * injects it where the page needs it (entrypoints/background/full-script.ts): on the reader's
 * first selection or a verdict on a self-media article (whose article script, entrypoints/claims,
 * runs at load) or on a granted site (whose loader asks), at load where the page has saved
 * annotations, and wherever the reader asks (toolbar button, shortcut, context menu).
 */
export default defineUnlistedScript(() => {
  startSourcemark(new ScriptContext());
});
