import './marks.css';
import { startSourcemark } from './start';

export default defineContentScript({
  // https only: a NetEase article served over http: is not NetEase's (and would be shown the
  // reader's highlights of the real one). Other sites: granted or injected on demand.
  matches: ['https://*.163.com/*'],
  // document_end: the banner is there before the reader starts, and the listeners are ready
  // before the page's load event; content rendered later is caught by the annotator's observer.
  runAt: 'document_end',
  main(ctx) {
    void startSourcemark(ctx);
  },
});
