import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { langOf } from '@/components/i18n';
import { ContentRequestSchema, type PageStatus } from '@/storage/content-messages';
import { quoteOf } from '@/storage/quote';
import { Annotator } from './annotator';
import { messageBackend } from './backend';
import { showBanner } from './banner';
import { markNeteasePage } from './netease';
import { findArticleTop } from './page-signals';

/**
 * Everything the content script does on a page, wired once. Runs automatically on NetEase pages
 * and when injected on demand (toolbar button, shortcut, context menu) or on a granted site.
 */
export function startSourcemark(ctx: ContentScriptContext): void {
  // Injecting on demand into a page that already runs Sourcemark must not double everything.
  const flags = globalThis as { __sourcemarkStarted?: boolean };
  if (flags.__sourcemarkStarted) return;
  flags.__sourcemarkStarted = true;

  const lang = langOf(navigator.language);
  const page = markNeteasePage(document, location.href);
  if (page.verdict.kind === 'netease-hao') {
    const top = findArticleTop(document);
    if (top) {
      const banner = showBanner(top, { lang, account: page.account });
      ctx.onInvalidated(() => banner.remove());
    }
  }

  const annotator = new Annotator(document, messageBackend, {
    lang,
    defaultColor: 'yellow',
    url: () => location.href,
  });
  ctx.onInvalidated(() => annotator.destroy());
  void annotator.load().then(() => annotator.observe());

  // Selection ends with a mouseup or a key (shift+arrows); the selection is final a tick later.
  const afterSelection = () => ctx.setTimeout(() => annotator.onSelectionChange(), 0);
  ctx.addEventListener(document, 'mouseup', (e) => {
    if (!annotator.isOwnEvent(e)) afterSelection();
  });
  ctx.addEventListener(document, 'keyup', (e) => {
    if (!annotator.isOwnEvent(e) && (e.shiftKey || e.key === 'Shift')) afterSelection();
  });
  ctx.addEventListener(document, 'mousedown', (e) => {
    if (!annotator.isOwnEvent(e)) annotator.closePanel();
  });
  ctx.addEventListener(document, 'click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    const selection = document.getSelection();
    // A click that ends a drag-selection is a selection, not a click on the highlight under it.
    if (target && (!selection || selection.isCollapsed)) {
      if (target.closest('[data-sourcemark="highlight"]')) annotator.onHighlightClick(target);
    }
  });
  ctx.addEventListener(document, 'keydown', (e) => {
    if (e.key === 'Escape') annotator.closePanel();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => void annotator.onUrlChange());

  const status = (): PageStatus => ({
    url: location.href,
    pageKey: annotator.pageKey,
    kind: page.verdict.kind,
    account: page.account,
    claims: { vague: 0, certainty: 0, statistic: 0 },
    highlights: annotator.all.length - annotator.orphans.length,
    orphans: annotator.orphans.map((a) => ({ id: a.id, quote: quoteOf(a).exact, note: a.note })),
  });

  const onMessage = (raw: unknown): Promise<unknown> | undefined => {
    const parsed = ContentRequestSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    switch (msg.type) {
      case 'content.highlightSelection':
        return annotator.highlightSelection().then((a) => ({ ok: a !== null }));
      case 'content.noteSelection':
        annotator.openEditorForSelection();
        return Promise.resolve({ ok: true });
      case 'content.reveal':
        return Promise.resolve({ ok: annotator.reveal(msg.id) });
      case 'content.status':
        return Promise.resolve(status());
      case 'content.reload':
        return annotator.reload().then(() => ({ ok: true }));
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
