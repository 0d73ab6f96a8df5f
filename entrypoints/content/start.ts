import type { ScriptContext } from '@/components/page-script/script-context';
import { ATTR, MARK_KIND } from '@/components/vocabulary/attributes';
import { browser } from 'wxt/browser';
import { langOf, resolveLang, type Lang } from '@/components/vocabulary/strings';
import { NOTE_FRAME_PATH } from '@/storage/messaging/protocol-constants';
import { request } from '@/storage/messaging/client';
import { messageBackend } from '@/storage/messaging/backend';
import type { ContentAck, PageOutline, PageStatus } from '@/storage/messaging/protocol';
import { pageOutline, pageStatus, type PageFacts } from '@/storage/messaging/page-answers';
import { claimNavigator } from '@/components/marking/claim-nav';
import { readContentRequest } from '@/storage/messaging/content-request-guard';
import type { Settings } from '@/storage/model/settings';
import { DEFAULT_SETTINGS } from '@/storage/model/settings-defaults';
import { loadSettings } from './prefs';
import { quoteOf } from '@/storage/model/quote';
import { Annotator } from './annotator/annotator';
import type { ClaimMarks } from '@/components/marking/claim-marks';
import { articleSessionNow, type ArticleSession } from '@/components/recognition/article-session';
import type { Recognition } from '@/components/recognition/recognise';
import { ASKED_FLAG } from '@/storage/messaging/protocol-constants';
import type { Verdict } from '@/components/vocabulary/verdicts';
import type { Annotation } from '@/storage/model/annotation';

/**
 * Everything the content script (the annotator) does on a page, wired once. Never by itself at
 * load: injected by the background where the reader asks (toolbar button, shortcut, context
 * menu), on a site they granted (its loader asks), and on a self-media article when the article
 * script needs it (the reader's first selection, a verdict, a page with saved annotations). On
 * an article it takes over what the article script did (components/recognition/article-session.ts).
 */
export function startSourcemark(ctx: ScriptContext): void {
  // Injecting on demand into a page that already runs Sourcemark must not double everything.
  const flags = globalThis as { __sourcemarkStarted?: boolean; [ASKED_FLAG]?: boolean };
  if (flags.__sourcemarkStarted || !flags[ASKED_FLAG] || !ctx.isValid) return;
  flags.__sourcemarkStarted = true;
  const session = articleSessionNow();
  void run(ctx, session, session?.page() ?? null);
}

/**
 * Everything the content script does once it has started on a page: the article's part on a
 * self-media article; `page` is what recognition said (on a portal's own news page too, when the
 * reader asked for Sourcemark there), for the popup.
 */
async function run(ctx: ScriptContext, session: ArticleSession | null, recognised: Recognition | null): Promise<void> {
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

  /** The article's claims, as the article script marked them (a late article's, later). */
  const claimsNow = (): ClaimMarks | null => session?.claims() ?? null;

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

  const nav = claimNavigator(document, claimsNow);
  const assess = (index: number, verdict: Verdict): Promise<Annotation | null> => {
    const r = nav.ref(index);
    return r ? annotator.assessClaim(r, verdict) : Promise.resolve(null);
  };

  const facts = (): PageFacts => ({
    url: location.href,
    pageKey: annotator.pageKey,
    page: session?.page() ?? recognised,
    claims: claimsNow()?.views ?? [],
    ready: ready && !session?.busy(),
    revision,
  });
  const outline = (): PageOutline =>
    pageOutline(facts(), document.title, (i) => annotator.verdicts.ofClaim(i)?.id ?? null, annotator.highlights.orphans.map((a) => a.id));
  const status = (): PageStatus =>
    pageStatus(
      facts(),
      annotator.highlights.all.length - annotator.highlights.orphans.length,
      annotator.highlights.orphans.map((a) => ({ id: a.id, quote: quoteOf(a).exact, note: a.note })),
    );

  /** Follows the settings; set once the page's own arrived. */
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
        return assess(msg.index, msg.verdict).then((a) => ({ ok: a !== null }));
      case 'annotations.changed':
        // The reader annotated or assessed this article: keep its text as it is now, once.
        if (msg.pageKey === annotator.pageKey && msg.change !== 'deleted') void session?.keepSnapshot();
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

  // On an article the article script answered until now: from here this listener does, and the
  // claim tooltips' verdicts are the annotator's.
  session?.attach({
    verdictOf: (i) => annotator.verdicts.ofClaim(i)?.assessment?.verdict ?? null,
    assess: (i, v) => void assess(i, v),
    openEditor: (i) => {
      const r = nav.ref(i);
      if (r) void annotator.openClaimEditor(r);
    },
    answer: onMessage,
  });

  // An article's own start request brought the settings; elsewhere they are asked for here.
  const { settings, lang } = session?.started() ? await session.settings : await ownSettings();
  if (!ctx.isValid) return;
  annotator.configure({ lang, defaultColor: settings.defaultColor });
  verdictsShown = () => session?.tipsChanged();
  followSetting = (next) => {
    annotator.configure({ lang, defaultColor: next.defaultColor });
    session?.followSettings(next);
  };
  // The claims are marked before the highlights are painted (an assessment's highlight lies on
  // its claim's marks, as it did when the reader made it).
  if (session) await session.settled;
  if (!ctx.isValid) return;
  await annotator.load().catch(() => undefined);
  annotator.highlights.observe();
  // `ready` waits for it, so the side panel and the tests see what it found.
  ready = true;
  pushChanged();
}

/** The settings where no article script brought them (a page the reader asked Sourcemark on). */
async function ownSettings(): Promise<{ settings: Settings; lang: Lang }> {
  const settings = await loadSettings();
  return { settings, lang: resolveLang(settings.language, navigator.language) };
}

/** The note frame's URL's origin, and in Chrome the extension's static one its document gets. */
function noteFrameOrigins(url: string, extensionId: string): string[] {
  const { origin, protocol } = new URL(url);
  return protocol === 'chrome-extension:' ? [...new Set([origin, `chrome-extension://${extensionId}`])] : [origin];
}
