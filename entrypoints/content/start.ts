import type { ScriptContext } from './script-context';
import { ATTR, MARK_KIND } from '@/components/vocabulary/attributes';
import { browser } from 'wxt/browser';
import { langOf } from '@/components/vocabulary/strings';
import { NOTE_FRAME_PATH } from '@/storage/messaging/protocol-constants';
import { request } from '@/storage/messaging/client';
import { messageBackend } from '@/storage/messaging/backend';
import type { ClaimCounts, ContentAck, PageOutline, PageStatus } from '@/storage/messaging/protocol';
import { claimNavigator } from './claim-nav';
import { readContentRequest } from '@/storage/messaging/content-request-guard';
import type { Settings } from '@/storage/model/settings';
import { DEFAULT_SETTINGS } from '@/storage/model/settings-defaults';
import { loadSettings } from './prefs';
import { quoteOf } from '@/storage/model/quote';
import { Annotator } from './annotator/annotator';
import type { ClaimView } from '@/components/ui/page/ClaimReason';
import { noClaims, type ClaimMarks } from '@/components/marking/claim-marks';
import { fitParagraphs } from '@/components/claims/fit-paragraphs';
import { MAX_CLAIM_BLOCKS, MAX_CLAIM_TEXT } from '@/storage/messaging/protocol-constants';
import { articleKitNow, withArticleKit, type ArticleKit } from '@/components/recognition/article-kit';
import type { Recognition } from '@/components/recognition/recognise';
import { ASKED_FLAG } from '@/storage/messaging/protocol-constants';
import { watchForLateArticle } from './late-article';
import { articleRecord, noticeIfGone, pageSaysGone, type ArticleRecord } from './article-record';
import { claimsBadge } from './claims-badge';

/** A self-media article, as the article script recognised it. */
interface Article {
  kit: ArticleKit;
  page: Recognition;
}

/**
 * Everything the content script does on a page, wired once. Runs by itself where a self-media
 * article can be (the manifest's matches), and when the reader asks: injected on demand (toolbar
 * button, shortcut, context menu) or registered on a site they granted.
 */
export function startSourcemark(ctx: ScriptContext): void {
  // Injecting on demand into a page that already runs Sourcemark must not double everything.
  const flags = globalThis as { __sourcemarkStarted?: boolean; [ASKED_FLAG]?: boolean };
  if (flags.__sourcemarkStarted) return;
  /**
   * `soon`: in the next task. At load, evaluating this script and recognising the page fill one
   * task already, and the page gets its turn before the rest. (Not when the reader asked: the
   * background's request follows the injection at once and must find the listener.)
   */
  const start = (article: Article | null, page: Recognition | null = article?.page ?? null, soon = false) => {
    if (flags.__sourcemarkStarted || !ctx.isValid) return;
    flags.__sourcemarkStarted = true;
    if (soon) ctx.setTimeout(() => void run(ctx, article, page), 0);
    else void run(ctx, article, page);
  };

  if (flags[ASKED_FLAG]) {
    // The reader asked: run on any page. At a self-media URL the article script ran long before
    // (the manifest injects it at document_end); anywhere else there is none, and no article.
    const kit = articleKitNow();
    const page = kit?.markPage(document, location.href);
    start(kit && page?.kind === 'self-media' ? { kit, page } : null, page ?? null);
    return;
  }
  // The manifest's injection, at self-media article URLs only, where the article script is
  // injected too (listed first, so usually here already).
  withArticleKit((kit) => {
    const page = kit.markPage(document, location.href);
    if (page.kind === 'self-media') {
      // A self-media URL is taken at its word (recognition/decide.ts), so a 404 or the platform's
      // deletion page at an article's own address is "self-media" too. There the reader's copy is
      // offered if they kept one, and nothing of the article starts: its banner would report every
      // paragraph removed. Anywhere else (no copy, or a page that says nothing of the kind), start.
      if (!pageSaysGone(kit, page)) return start({ kit, page }, page, true);
      void goneCheck(ctx, kit, page, () => flags.__sourcemarkStarted === true)
        .catch(() => false)
        .then((shown) => {
          if (!shown) start({ kit, page });
        });
      return;
    }
    // The portal's own news at a URL shape it shares with self-media: nothing to show, so
    // nothing is started, not even a listener; a later injection the reader asks for starts in
    // full. A page that says nothing yet may still be rendering its article: watched a while.
    if (page.kind === 'unknown' && page.platform) {
      // An article the reader kept a copy of may be gone: say so at once when the page says so
      // (404, a deletion notice), and only after the wait below when it merely has no text yet.
      void goneCheck(ctx, kit, page, () => flags.__sourcemarkStarted === true);
      watchForLateArticle(ctx, () => {
        if (flags.__sourcemarkStarted) return true;
        const late = kit.markPage(document, location.href);
        if (late.kind !== 'self-media') return false;
        start({ kit, page: late });
        return true;
      });
    }
  });
}

/**
 * Everything the content script does once it has started on a page: the article's part on a
 * self-media article; `page` is what recognition said (on a portal's own news page too, when the
 * reader asked for Sourcemark there), for the popup.
 */
async function run(ctx: ScriptContext, article: Article | null, page: Recognition | null): Promise<void> {
  // The annotator starts at once with the defaults, so a selection made while the settings are
  // on their way already gets the toolbar; the settings are applied when they arrive.
  const annotator = new Annotator(document, messageBackend, {
    lang: langOf(navigator.language),
    defaultColor: DEFAULT_SETTINGS.defaultColor,
    url: () => location.href,
    noteFrameUrl: browser.runtime.getURL(NOTE_FRAME_PATH),
    noteFrameOrigins: noteFrameOrigins(browser.runtime.getURL(NOTE_FRAME_PATH), browser.runtime.id),
    openNoteFrame: async (grant) => (await request({ type: 'noteFrame.open', grant })).token,
  });
  let ready = false;
  let revision = 0;
  // The side panel redraws when this tab's page changed: told, never polling.
  const pushChanged = () => {
    if (ready) void browser.runtime.sendMessage({ type: 'page.changed', revision }).catch(() => undefined);
  };
  const applied = () => {
    revision++;
    pushChanged();
    return { ok: true };
  };
  // A verdict saved here or elsewhere: the open tooltip and the side panel follow.
  let verdictsShown = () => {};
  annotator.onVerdicts = () => {
    verdictsShown();
    pushChanged();
  };
  ctx.onInvalidated(() => annotator.destroy());

  // The article's claims are found by the background (components/marking/article-claims.ts), so the detector never
  // runs on the page's main thread: asked in the next task (reading the article's text is the
  // longest piece of work at load, and recognising the page already filled this one), marked when
  // they come (below; the article kit does both, as only article pages need them).
  const body = article ? article.kit.findArticleBody(document, article.page.platform) : null;
  const claimsFound =
    article && body
      ? nextTask(ctx)
          .then(() =>
            article.kit.findArticleClaims(body, async (text) => {
              const blocks = fitParagraphs(text, MAX_CLAIM_BLOCKS, MAX_CLAIM_TEXT);
              return (await request({ type: 'claims.detect', blocks })).claims;
            }),
          )
          .catch(() => null)
      : null;
  let claims: ClaimMarks | null = null;

  // Selection ends with a mouseup or a key (shift+arrows); the selection is final a tick later.
  const afterSelection = () => ctx.setTimeout(() => annotator.onSelectionChange(), 0);
  ctx.addEventListener(document, 'mouseup', (e) => {
    if (!annotator.isOwnEvent(e)) afterSelection();
  });
  ctx.addEventListener(document, 'keyup', (e) => {
    if (!annotator.isOwnEvent(e) && (e.shiftKey || e.key === 'Shift')) afterSelection();
  });
  // Started for a selection already made (a granted site's loader asked for this script on the
  // reader's first selection, or they asked with text selected): offer the toolbar for it.
  if (document.getSelection()?.isCollapsed === false) afterSelection();
  // Closing the panel would drop a note the reader is typing: only their own click or key does.
  ctx.addEventListener(document, 'mousedown', (e) => {
    if (e.isTrusted && !annotator.isOwnEvent(e)) annotator.closePanel();
  });
  ctx.addEventListener(document, 'click', (e) => {
    // Only the reader's own click opens a note: a page script's made-up click opens nothing.
    if (!e.isTrusted) return;
    const target = e.target instanceof Element ? e.target : null;
    const selection = document.getSelection();
    // A click that ends a drag-selection is a selection, not a click on the highlight under it.
    if (target && (!selection || selection.isCollapsed)) {
      if (target.closest(`[${ATTR.mark}="${MARK_KIND.highlight}"]`)) void annotator.onHighlightClick(target);
    }
  });
  ctx.addEventListener(document, 'keydown', (e) => {
    if (e.isTrusted && e.key === 'Escape') annotator.closePanel();
  });
  // The new URL comes before location.href changes and before the site renders the new page
  // (script-context.ts): load a tick later; late paragraphs are caught by the annotator's observer.
  ctx.onLocationChange((url) => ctx.setTimeout(() => void annotator.onUrlChange(url), 0));

  const nav = claimNavigator(document, () => claims, annotator);
  /** The article's ledger count and snapshot; set once the settings are known (the banner's language). */
  let record: ArticleRecord | null = null;

  const outline = (): PageOutline => ({
    url: location.href,
    pageKey: annotator.pageKey,
    title: document.title.slice(0, 2000),
    platform: page?.platform?.id ?? null,
    product: page?.kind === 'self-media' && page.platform ? { zh: page.platform.names.product.zh, en: page.platform.names.product.en } : null,
    account: page?.account?.name ?? null,
    statement: page?.statements.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n') || null,
    claims: (claims?.views ?? []).map((v) => ({
      index: v.index,
      category: v.category,
      sentence: v.sentence,
      reason: v.reason,
      assessmentId: annotator.verdicts.ofClaim(v.index)?.id ?? null,
    })),
    orphans: annotator.highlights.orphans.map((a) => a.id),
    ready,
    revision,
  });

  const status = (): PageStatus => ({
    url: location.href,
    pageKey: annotator.pageKey,
    kind: page?.kind ?? 'unknown',
    platform: page?.platform?.id ?? null,
    page: page?.page ?? null,
    account: page?.account?.name ?? null,
    claims: countByCategory(claims?.views ?? []),
    highlights: annotator.highlights.all.length - annotator.highlights.orphans.length,
    orphans: annotator.highlights.orphans.map((a) => ({ id: a.id, quote: quoteOf(a).exact, note: a.note })),
    ready,
    revision,
  });

  /** Claim marks on or off as the setting says; set once the page's UI is up. */
  let followSetting: ((settings: Settings) => void) | null = null;

  const onMessage = (raw: unknown): Promise<PageStatus | PageOutline | ContentAck> | undefined => {
    const msg = readContentRequest(raw);
    if (!msg) return undefined;
    switch (msg.type) {
      case 'content.highlightSelection':
        return annotator.highlightSelection().then((a) => ({ ok: a !== null }));
      case 'content.noteSelection':
        return annotator.openEditorForSelection().then(() => ({ ok: true }));
      case 'content.reveal':
        return Promise.resolve({ ok: annotator.reveal(msg.id) });
      case 'content.status':
        return Promise.resolve(status());
      case 'content.outline':
        return Promise.resolve(outline());
      case 'content.revealClaim':
        return Promise.resolve({ ok: nav.reveal(msg.index) });
      case 'content.stepClaim':
        return Promise.resolve({ ok: nav.step(msg.step) });
      case 'content.assessClaim':
        return nav.assess(msg.index, msg.verdict).then((a) => ({ ok: a !== null }));
      case 'annotations.changed':
        // The reader annotated or assessed this article: keep its text as it is now, once.
        if (msg.pageKey === annotator.pageKey && msg.change !== 'deleted') void record?.keepSnapshot();
        return annotator.onNotice(msg).then(applied);
      case 'annotations.reload':
        return annotator.highlights.reload().then(applied);
      case 'settings.changed':
        // Before the page's own settings arrived there is nothing to follow: those are newer.
        followSetting?.(msg.settings);
        return Promise.resolve(applied());
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  const settings = await loadSettings();
  if (!ctx.isValid) return;
  const lang = settings.language === 'auto' ? langOf(navigator.language) : settings.language;
  annotator.configure({ lang, defaultColor: settings.defaultColor });
  const ui = article
    ? article.kit.startSelfMediaUi({
        lang,
        page: article.page,
        settings,
        findArticleTop: article.kit.findArticleTop,
        verdicts: {
          verdictOf: (i) => nav.verdictOf(i),
          assess: (i, v) => void nav.assess(i, v),
          openEditor: (i) => void nav.openEditor(i),
        },
      })
    : null;
  if (ui) ctx.onInvalidated(() => ui.remove());
  verdictsShown = () => ui?.tipsChanged();
  let marksOn = settings.claimsEnabled;
  let badge: ReturnType<typeof claimsBadge> | null = null;
  followSetting = (next) => {
    annotator.configure({ lang, defaultColor: next.defaultColor });
    marksOn = next.claimsEnabled;
    ui?.setMarksOn(marksOn);
    badge?.setMarksOn(marksOn);
  };
  // The claims, marked before the highlights are painted (an assessment's highlight lies on its
  // claim's marks, as it did when the reader made it). Painted after an await, the marks would
  // collapse or shrink a selection the reader made meanwhile (wrapping moves the selected Text
  // nodes): keepingSelection puts it back. Switched off by the settings, they only lose their
  // decoration.
  // The banner was drawn in this task; the marks (their answer is often here already) go in the next.
  if (ui) await nextTask(ctx);
  const found = await claimsFound;
  if (!ctx.isValid) return;
  if (found && body && article) {
    const marks = article.kit.markFoundClaims(body, found);
    claims = marks;
    ctx.onInvalidated(() => marks.remove());
  } else if (article && !body) {
    claims = noClaims();
  }
  if (claims) ui?.setClaims(claims);
  record = article ? articleRecord({ kit: article.kit, page: article.page, lang, banner: ui?.banner ?? null }) : null;
  badge = article
    ? claimsBadge(ctx, { count: claims?.views.length ?? 0, product: article.page.platform?.names.product ?? null, lang }, marksOn)
    : null;
  await annotator.load().catch(() => undefined);
  annotator.highlights.observe();
  // `ready` waits for it, so the side panel and the tests see what it found.
  await record?.onLoad(countByCategory(claims?.views ?? []), found?.text.text);
  ready = true;
  pushChanged();
}

/**
 * Resolves in a task of its own, so that the page's own work (and a frame) can come between two
 * long pieces of Sourcemark's; never if the script is torn down meanwhile (nothing waits then).
 */
function nextTask(ctx: ScriptContext): Promise<void> {
  return new Promise((resolve) => ctx.setTimeout(resolve, 0));
}

/** How long a page that shows no article yet may take before "no text left" counts as gone. */
const GONE_EMPTY_AFTER_MS = 10_000;

/** Shows the gone notice if the page says so now; resolves whether it did (see noticeIfGone). */
async function goneCheck(ctx: ScriptContext, kit: ArticleKit, page: Recognition, started: () => boolean): Promise<boolean> {
  const settings = await loadSettings();
  const lang = settings.language === 'auto' ? langOf(navigator.language) : settings.language;
  if (!ctx.isValid) return false;
  if (await noticeIfGone(kit, page, lang, false).catch(() => false)) return true;
  ctx.setTimeout(() => {
    if (!started() && ctx.isValid) void noticeIfGone(kit, page, lang, true).catch(() => false);
  }, GONE_EMPTY_AFTER_MS);
  return false;
}

/** The note frame's URL's origin, and in Chrome the extension's static one its document gets. */
function noteFrameOrigins(url: string, extensionId: string): string[] {
  const { origin, protocol } = new URL(url);
  return protocol === 'chrome-extension:' ? [...new Set([origin, `chrome-extension://${extensionId}`])] : [origin];
}

function countByCategory(views: readonly ClaimView[]): ClaimCounts {
  const counts: ClaimCounts = { vague: 0, certainty: 0, statistic: 0 };
  for (const v of views) counts[v.category]++;
  return counts;
}
