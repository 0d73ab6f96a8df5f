import { AnnotationStore } from '@/storage/annotation-store';
import { SourcemarkDB } from '@/storage/db';
import { handleMessage } from './handlers';

export default defineBackground(() => {
  const store = new AnnotationStore(new SourcemarkDB());
  // Returning the promise is how webextension-polyfill sends an asynchronous answer.
  browser.runtime.onMessage.addListener((message: unknown) => handleMessage(store, message));
});
