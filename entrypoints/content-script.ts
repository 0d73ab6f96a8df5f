import '@/components/marking/marks.css';
import { startSourcemark } from './content/start';
import { ScriptContext } from '@/components/page-script/script-context';

/**
 * The content script. An unlisted script rather than a WXT content script, so that WXT's
 * context (which announces itself to the page and can be torn down by it) never exists here;
 * see content/script-context.ts. wxt.config.ts puts it in the manifest, at the self-media article
 * URLs of the registry, at document_end: the banner is there before the reader starts, and the
 * listeners are ready before the page's load event. The background injects the same file on
 * demand and registers it for the sites the reader granted.
 */
export default defineUnlistedScript(() => {
  startSourcemark(new ScriptContext());
});
