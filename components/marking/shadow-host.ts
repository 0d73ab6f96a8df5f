import { ATTR } from '../vocabulary/attributes';

/**
 * A host element with an open shadow root for Sourcemark's injected UI.
 *
 * The host carries `data-sourcemark-ui` so our own text walkers (claims, anchoring) skip it, and
 * its few light-DOM styles are set `!important` inline because hostile or careless pages style
 * every element (`* { all: unset !important }`); an inline important declaration still wins.
 */
export interface ShadowUi {
  host: HTMLElement;
  shadow: ShadowRoot;
  remove(): void;
}

export function createShadowUi(doc: Document, name: string, css: string): ShadowUi {
  // A custom-element name no page styles by tag; it is never registered, so it stays inert.
  const host = doc.createElement('sourcemark-ui');
  host.setAttribute(ATTR.ui, name);
  host.style.setProperty('display', 'block', 'important');
  host.style.setProperty('position', 'relative', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptCss(doc, shadow, css);
  ignoreUntrustedInput(shadow);
  return { host, shadow, remove: () => host.remove() };
}

/**
 * Input a page script made up (`button.click()`, `dispatchEvent`) never reaches Sourcemark's
 * controls: the root is open, so a page can find our buttons, but only the reader's own clicks
 * and keys (`isTrusted`) may highlight, delete, or switch marks off. Stopped in the capture phase
 * at the root, before any control's own listener.
 */
const GUARDED_EVENTS = ['click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input', 'change', 'submit'];

function ignoreUntrustedInput(shadow: ShadowRoot): void {
  for (const type of GUARDED_EVENTS) {
    shadow.addEventListener(
      type,
      (e) => {
        if (!e.isTrusted) {
          e.stopImmediatePropagation();
          e.preventDefault();
        }
      },
      true,
    );
  }
}

/**
 * Constructed stylesheets are not subject to the page's CSP `style-src`, unlike a `<style>`
 * element; Firefox content scripts cannot always adopt them, so fall back to `<style>` there.
 */
function adoptCss(doc: Document, shadow: ShadowRoot, css: string): void {
  const View = doc.defaultView;
  try {
    if (View && 'CSSStyleSheet' in View && 'adoptedStyleSheets' in shadow) {
      const sheet = new View.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // fall through to <style>
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
