import './marks.css';
import { startSourcemark } from './start';

export default defineContentScript({
  matches: ['*://*.163.com/*'],
  // document_end: the banner is there before the reader starts, and the listeners are ready
  // before the page's load event; content rendered later is caught by the annotator's observer.
  runAt: 'document_end',
  main(ctx) {
    void startSourcemark(ctx);
  },
});
