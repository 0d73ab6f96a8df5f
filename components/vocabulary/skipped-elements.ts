import { ATTR } from './attributes';

/**
 * What is not page text. Anchoring's text model (anchoring/text-index.ts), the claim detector's
 * (marking/text-ranges.ts) and the highlighter (marking/highlighter.ts) all skip these subtrees
 * whole. They must agree: if anchoring indexed text the highlighter refuses to wrap, a highlight
 * would anchor on words that are then never painted; if the claim text held it, a sentence
 * would be cut by words the reader does not see as part of it.
 *
 * Each entry says why its text is not the prose a reader highlights.
 */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  // Code, never rendered as text.
  'script',
  'style',
  // Not rendered: noscript's content only shows with scripting off (and is raw text when on),
  // template content lives in a separate fragment, head holds metadata.
  'noscript',
  'template',
  'head',
  // Raw strings: a title is the tab's label; textarea text is the control's value, and an element
  // child there would change the value the page submits.
  'title',
  'textarea',
  // Form controls: the text is option labels drawn by the browser, and wrapping an option's text
  // is invalid structure that the select would drop.
  'select',
  'datalist',
  // Fallback content, shown only when the embedded thing cannot be: what the reader sees is the
  // frame, the media or the drawing.
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
  // SVG and MathML text: an HTML wrapper inside it is not rendered, so it can never be marked.
  'svg',
  'math',
  // Ruby annotations: the pinyin above a character would split a Chinese sentence (and a quote)
  // in two; the base text is the prose.
  'rt',
  'rp',
]);

/**
 * An element whose subtree holds no page text: one of the above, or a host of Sourcemark's own UI
 * (its text is ours, so it must neither shift offsets nor be matched). Highlight and claim
 * wrappers carry `data-sourcemark="…"` instead and are deliberately *not* skipped: the text they
 * wrap is still the page's.
 */
export function isSkippedElement(el: Element): boolean {
  return SKIPPED_ELEMENTS.has(el.localName) || el.hasAttribute(ATTR.ui);
}
