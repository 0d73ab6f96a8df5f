import { EARLY_ATTR, EARLY_CLICK_ATTR, EARLY_PRESS_ATTR, elementAt, onPressEnd, pathOf } from './early-screen';

/**
 * Puts the App in place of the early screen (early-screen.ts) in one task, so the browser never
 * paints between them: a fresh `#app` replaces the early one and `mount` renders into it there
 * (in the document, so the windowed list measures real sizes). What the reader did meanwhile
 * comes along: text typed into the early search field reaches the App as an input event (its
 * results, or "searching", follow), with the caret; the focus goes to the same control in the
 * App (same markup, same place), the list keeps its scroll position, and the button clicked last
 * is clicked in the App, as is the one pressed then and released in the App (the browser sees no
 * click there: the press began on an element that is gone). Without an early screen, `mount`
 * renders into `#app` as it is.
 */
export function handOver(doc: Document, mount: (container: HTMLElement) => void): void {
  const early = doc.getElementById('app');
  if (!early) throw new Error('the popup has no #app');
  if (!early.hasAttribute(EARLY_ATTR)) return mount(early);
  const typed = early.querySelector<HTMLInputElement>('input[type="search"]');
  const active = doc.activeElement;
  const focused = active && active !== early && early.contains(active) ? pathOf(early, active) : null;
  const clicked = early.getAttribute(EARLY_CLICK_ATTR);
  const pressed = early.getAttribute(EARLY_PRESS_ATTR);
  const scrolled = early.querySelector('main')?.scrollTop ?? 0;

  const app = doc.createElement('div');
  app.id = 'app';
  early.replaceWith(app);
  mount(app);

  const main = app.querySelector('main');
  if (main && scrolled > 0) main.scrollTop = scrolled;
  const field = app.querySelector<HTMLInputElement>('input[type="search"]');
  const searched = Boolean(typed && field && field.value !== typed.value);
  if (typed && field && searched) {
    field.value = typed.value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  // The search field by what it is (it may move in the App's markup), at once.
  if (focused !== null && active === typed && field && typed) {
    field.focus();
    field.setSelectionRange(typed.selectionStart, typed.selectionEnd, typed.selectionDirection ?? undefined);
  }
  // Other controls by place; the one clicked last, with the same text as a check that the App's
  // markup there is still the early screen's.
  const restore = () => {
    const again = focused === null || active === typed ? null : elementAt(app, focused);
    if (again instanceof HTMLElement) again.focus();
    if (clicked !== null) sameButton(early, app, clicked)?.click();
  };
  // The press on the early screen's button, released on the App's same control, clicks it.
  const held = pressed === null ? null : sameButton(early, app, pressed);
  if (held)
    onPressEnd(doc, (up) => {
      if (up?.target instanceof Node && held.contains(up.target)) held.click();
    });
  // A control of the early results is in the App once it has rendered the search, which Preact
  // does in a microtask queued by the input event: this one comes after it.
  if (searched) void Promise.resolve().then(restore);
  else restore();
}

/** The App's button at `path`, if it has the same text as the early screen's there: a check
 * that the App's markup at that place is still the early screen's. */
function sameButton(early: Element, app: Element, path: string): HTMLButtonElement | null {
  const button = elementAt(app, path);
  return button instanceof HTMLButtonElement && button.textContent === elementAt(early, path)?.textContent ? button : null;
}
