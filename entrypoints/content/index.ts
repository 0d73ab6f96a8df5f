import './marks.css';
import { startSourcemark } from './start';
import { selfMediaMatchPatterns } from '@/components/recognition/url-shape';

export default defineContentScript({
  // Where a self-media article can be, on every platform in the registry, https only (a portal's
  // article served over http: is not the portal's, and must not get the reader's highlights of
  // the real one). Anywhere else only when the reader asks: granted sites or on demand.
  matches: selfMediaMatchPatterns(),
  // document_end: the banner is there before the reader starts, and the listeners are ready
  // before the page's load event; content rendered later is caught by the annotator's observer.
  runAt: 'document_end',
  main(ctx) {
    void startSourcemark(ctx);
  },
});
