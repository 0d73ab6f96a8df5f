import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { fallbackHeight } from './list-window';

/** What part of a list can be seen: `top` px of it are scrolled away, `height` px are in view. */
export interface ScrollView {
  top: number;
  height: number;
}

/** The nearest ancestor that scrolls; the page itself if none does. */
function scrollParent(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if (y === 'auto' || y === 'scroll') return p;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/** Follows the scrolling of the list at `ref` (in whatever scrolls it) and its viewport's size. */
export function useScrollView(ref: RefObject<HTMLElement | null>): ScrollView {
  const [view, setView] = useState<ScrollView>({ top: 0, height: fallbackHeight() });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const scroller = scrollParent(el);
    const isPage = scroller === document.scrollingElement || scroller === document.documentElement;
    const read = () => {
      const top = (isPage ? 0 : scroller.getBoundingClientRect().top) - el.getBoundingClientRect().top;
      const height = (isPage ? window.innerHeight : scroller.clientHeight) || fallbackHeight();
      setView((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    read();
    const target: EventTarget = isPage ? window : scroller;
    target.addEventListener('scroll', read, { passive: true });
    // Focus scrolls its element into view at once, but the scroll event waits for the next frame:
    // a reader holding Tab on a busy machine could walk past the rows rendered below the view
    // (and out of the list) before it comes. Read on focus too, so the rows follow the focus.
    el.addEventListener('focusin', read);
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : null;
    resize?.observe(scroller);
    return () => {
      target.removeEventListener('scroll', read);
      el.removeEventListener('focusin', read);
      resize?.disconnect();
    };
  }, [ref]);
  return view;
}
