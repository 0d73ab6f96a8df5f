/**
 * A new element of `doc` with its class and text: the one helper the page's plain-DOM UI (the
 * claim tip, the article's changes, the gone notice) builds with. Text only, never markup: what
 * it shows is page text and claim sentences.
 */
export function domEl<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}
