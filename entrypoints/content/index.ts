import './marks.css';
import { startSourcemark } from './start';

export default defineContentScript({
  matches: ['*://*.163.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    void startSourcemark(ctx);
  },
});
