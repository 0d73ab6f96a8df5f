import { EARLY_ATTR } from './early-screen';

/**
 * Puts the App in place of the early screen (early-screen.ts) in one task, so the browser never
 * paints between them: a fresh `#app` replaces the early one and `mount` renders into it there
 * (in the document, so the windowed list measures real sizes). What the reader did meanwhile
 * comes along: text typed into the early search field reaches the App as an input event (its
 * results, or "searching", follow), with the caret and focus where they were, and the list's
 * scroll position. Without an early screen, `mount` renders into `#app` as it is.
 */
export function handOver(doc: Document, mount: (container: HTMLElement) => void): void {
  const early = doc.getElementById('app');
  if (!early) throw new Error('the popup has no #app');
  if (!early.hasAttribute(EARLY_ATTR)) return mount(early);
  const typed = early.querySelector<HTMLInputElement>('input[type="search"]');
  const focused = typed !== null && doc.activeElement === typed;
  const scrolled = early.querySelector('main')?.scrollTop ?? 0;

  const app = doc.createElement('div');
  app.id = 'app';
  early.replaceWith(app);
  mount(app);

  const main = app.querySelector('main');
  if (main && scrolled > 0) main.scrollTop = scrolled;
  const field = app.querySelector<HTMLInputElement>('input[type="search"]');
  if (!typed || !field) return;
  if (field.value !== typed.value) {
    field.value = typed.value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (focused) {
    field.focus();
    field.setSelectionRange(typed.selectionStart, typed.selectionEnd, typed.selectionDirection ?? undefined);
  }
}
