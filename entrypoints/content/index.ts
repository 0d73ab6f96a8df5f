import './marks.css';
import { startSourcemark } from './start';

export default defineContentScript({
  // Filled in by wxt.config.ts with selfMediaMatchPatterns(): where a self-media article can be,
  // on every platform in the registry, https only (a portal's article served over http: is not
  // the portal's, and must not get the reader's highlights of the real one). Anywhere else only
  // when the reader asks: granted sites or on demand. Not computed here, which would bundle the
  // registry into the script every page the reader asks for loads.
  matches: [],
  // document_end: the banner is there before the reader starts, and the listeners are ready
  // before the page's load event; content rendered later is caught by the annotator's observer.
  runAt: 'document_end',
  main(ctx) {
    startSourcemark(ctx);
  },
});
