import type { ScriptContext } from '@/components/page-script/script-context';
import { markPage } from '@/components/recognition/mark-page';
import type { Recognition } from '@/components/recognition/recognise';
import { findArticleBody, findArticleTop } from '@/components/recognition/page-parts';
import {
  articleSessionNow,
  provideArticleSession,
  type ArticleAnnotator,
  type ArticleSession,
  type ArticleSettings,
} from '@/components/recognition/article-session';
import { findArticleClaims, markFoundClaims } from '@/components/marking/article-claims';
import { noClaims, type ClaimMarks } from '@/components/marking/claim-marks';
import { claimNavigator } from '@/components/marking/claim-nav';
import { fitParagraphs } from '@/components/claims/fit-paragraphs';
import { startSelfMediaUi, type SelfMediaUi } from '@/components/ui/page/self-media-ui';
import { resolveLang } from '@/components/vocabulary/strings';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import { bareRequest, bareRuntime, onBareMessage } from '@/storage/messaging/bare-client';
import { readContentRequest } from '@/storage/messaging/content-request-guard';
import type { PageOutline, PageStatus } from '@/storage/messaging/protocol';
import { countByCategory, pageOutline, pageStatus, type PageFacts } from '@/storage/messaging/page-answers';
import { ARTICLE_START, EARLY_GESTURE, LOADER_SELECTION, MAX_CLAIM_BLOCKS, MAX_CLAIM_TEXT } from '@/storage/messaging/protocol-constants';
import type { Settings } from '@/storage/model/settings';
import { DEFAULT_SETTINGS } from '@/storage/model/settings-defaults';
import { pageKey } from '@/storage/model/page-key';
import { isSelectionGesture } from '@/components/page-script/selection-gesture';
import { watchForLateArticle } from './late-article';
import { articleRecord, noticeIfGone, pageSaysGone, type ArticleRecord } from './article-record';
import { claimsBadge } from './claims-badge';

/**
 * The article script's work on a self-media article URL, wired once: recognition and, on a
 * self-media article, everything the reader sees at load (banner, claim marks and tooltips, the
 * badge, the ledger and snapshot record, claim navigation for the side panel and the keyboard).
 * The annotator (the content script) is not here: the background injects it on the reader's
 * first selection, a verdict or a highlight command (this script asks, or the background finds a
 * request this script leaves to it), or at load where the page has saved annotations (the start
 * request tells the background). It then takes the session over (article-session.ts).
 */
export function startArticleScript(ctx: ScriptContext): void {
  // The annotator may have been injected first (the reader asked in the task before this one):
  // it runs the page then, as where no article script is.
  if (articleSessionNow() || (globalThis as { __sourcemarkStarted?: boolean }).__sourcemarkStarted) return;
  const first = markPage(document, location.href);
  let page: Recognition = first;
  let annotator: ArticleAnnotator | null = null;
  const waiting: Array<(a: ArticleAnnotator | null) => void> = [];
  let claims: ClaimMarks | null = null;
  let part: ArticlePart | null = null;
  /** Whether the article's part started; never once the annotator runs without it. */
  let started = false;
  let revision = 0;
  let settled!: () => void;
  const settledP = new Promise<void>((resolve) => (settled = resolve));
  let gotSettings!: (s: ArticleSettings) => void;
  /** Asked for by the article's part only: the annotator asks itself where none started. */
  const settingsP = new Promise<ArticleSettings>((resolve) => (gotSettings = resolve));

  /** Has the background inject the annotator into this frame; resolves when it took over, or null. */
  const needAnnotator = (): Promise<ArticleAnnotator | null> => {
    if (annotator) return Promise.resolve(annotator);
    const asked = new Promise<ArticleAnnotator | null>((resolve) => waiting.push(resolve));
    if (waiting.length === 1) {
      void bareRequest({ type: LOADER_SELECTION })
        .then((a) => a.injected, () => false)
        .then((injected) => {
          // Injected: the content script attached as it ran (executeScript resolves after).
          if (injected && annotator) return;
          for (const take of waiting.splice(0)) take(annotator);
        });
    }
    return asked;
  };

  const noArticle = () => settled();
  const session: ArticleSession = {
    page: () => page,
    started: () => started,
    busy: () => started && !(part?.done ?? false),
    claims: () => claims,
    settings: settingsP,
    settled: settledP,
    attach(a) {
      annotator = a;
      for (const take of waiting.splice(0)) take(a);
      stopListening();
    },
    tipsChanged: () => part?.ui?.tipsChanged(),
    followSettings: (next) => part?.follow(next),
    keepSnapshot: () => part?.record?.keepSnapshot() ?? Promise.resolve(),
  };
  provideArticleSession(session);

  // The reader's first selection loads the annotator, which offers its toolbar for it (as a
  // granted site's loader does). Capturing on the window: a page that stops these events'
  // propagation does not hide them; a page's made-up events (not trusted) load nothing.
  const world = globalThis as { [EARLY_GESTURE]?: boolean };
  const forSelection = () =>
    ctx.setTimeout(() => {
      if (!annotator && document.getSelection()?.isCollapsed === false) void needAnnotator();
    }, 0);
  const onGesture = (e: Event) => {
    if (annotator || !isSelectionGesture(e as Event & { shiftKey?: boolean; key?: string })) return;
    // Where no article started (the portal's own news, a gone article) Sourcemark only runs if
    // asked; one that starts later offers its toolbar for a selection made before (startArticle).
    if (!started) world[EARLY_GESTURE] = true;
    else forSelection();
  };
  const listening = ['mouseup', 'keyup'];
  for (const type of listening) window.addEventListener(type, onGesture, true);
  const stopListening = () => {
    for (const type of listening) window.removeEventListener(type, onGesture, true);
  };
  ctx.onInvalidated(stopListening);

  /**
   * `soon`: in the next task. At load, evaluating this script and recognising the page fill one
   * task already, and the page gets its turn before the rest.
   */
  const startArticle = (at: Recognition, soon = false) => {
    if (started) return;
    started = true;
    page = at;
    // The reader selected before the article started (before this script even ran, in Chrome,
    // where the loader noted it): their selection, if it still stands, gets its toolbar now.
    if (world[EARLY_GESTURE]) {
      world[EARLY_GESTURE] = false;
      forSelection();
    }
    const go = () => {
      part = articlePart(ctx, at, {
        needAnnotator,
        annotatorNow: () => annotator,
        setClaims: (c) => (claims = c),
        settled,
        gotSettings,
        changed: () => pushChanged(revision),
      });
    };
    if (soon) ctx.setTimeout(go, 0);
    else go();
  };

  if (first.kind === 'self-media') {
    // A self-media URL is taken at its word (recognition/decide.ts), so a 404 or the platform's
    // deletion page at an article's own address is "self-media" too. There the reader's copy is
    // offered if they kept one, and nothing of the article starts: its banner would report every
    // paragraph removed. Anywhere else (no copy, or a page that says nothing of the kind), start.
    if (!pageSaysGone(first)) startArticle(first, true);
    else
      void goneCheck(ctx, first, () => started || annotator !== null)
        .catch(() => false)
        .then((shown) => (shown ? noArticle() : startArticle(first)));
  } else if (first.kind === 'unknown' && first.platform) {
    // The portal's own news at a URL shape it shares with self-media shows nothing; a page that
    // says nothing yet may still be rendering its article: watched a while. An article the reader
    // kept a copy of may be gone: said at once when the page says so (404, a deletion notice), and
    // only after the wait when it merely has no text yet.
    void goneCheck(ctx, first, () => started || annotator !== null);
    // The annotator, if it is loaded meanwhile, does not wait for the article (see ArticleSession.settled).
    settled();
    watchForLateArticle(ctx, () => {
      if (started) return true;
      const late = markPage(document, location.href);
      if (late.kind !== 'self-media') return false;
      startArticle(late);
      return true;
    });
  } else noArticle();

  // Requests to this page while no annotator runs: the article's own are answered here, the rest
  // (highlighting, notes, verdicts, a change to this page's annotations) need the annotator,
  // which is loaded for them and answers them. Once it runs, its own listener answers everything.
  // Where no article started, nothing answers, as before the article script existed: the popup
  // offers to run Sourcemark, and a command injects the annotator (send-to-tab.ts).
  const remove = onBareMessage((raw) => {
    if (annotator || !started) return undefined;
    const msg = readContentRequest(raw);
    if (!msg) return undefined;
    switch (msg.type) {
      case 'content.status':
        return Promise.resolve(status(page, claims, part?.ready ?? false, revision));
      case 'content.outline':
        return Promise.resolve(outline(page, claims, part?.ready ?? false, revision));
      case 'content.revealClaim':
        return Promise.resolve({ ok: part?.nav.reveal(msg.index) ?? false });
      case 'content.stepClaim':
        return Promise.resolve({ ok: part?.nav.step(msg.step) ?? false });
      case 'settings.changed':
        part?.follow(msg.settings);
        revision++;
        return Promise.resolve({ ok: true });
      case 'annotations.changed':
        // Nothing of this page is painted here: a deletion changes nothing.
        if (msg.change === 'deleted') return Promise.resolve({ ok: true });
        return needAnnotator().then((a) => a?.answer(raw));
      default:
        // Highlight or note the selection, reveal a highlight, assess a claim, reload the highlights.
        return needAnnotator().then((a) => a?.answer(raw));
    }
  });
  ctx.onInvalidated(remove);
}

interface ArticlePart {
  ui: SelfMediaUi | null;
  record: ArticleRecord | null;
  nav: ReturnType<typeof claimNavigator>;
  /** Whether the side panel and the tests may take the page as done (see `run`). */
  readonly ready: boolean;
  /** Whether its work at load is over. */
  readonly done: boolean;
  follow(settings: Settings): void;
}

/** How the article's part reaches the rest of the script. */
interface PartWiring {
  needAnnotator(): Promise<ArticleAnnotator | null>;
  annotatorNow(): ArticleAnnotator | null;
  setClaims(claims: ClaimMarks): void;
  /** The claims are marked: an annotator may paint now. */
  settled(): void;
  gotSettings(s: ArticleSettings): void;
  /** Tells the side panel the page changed. */
  changed(): void;
}

/** The article's part, started on a self-media article: its requests at load and its UI. */
function articlePart(ctx: ScriptContext, page: Recognition, wire: PartWiring): ArticlePart {
  const { needAnnotator, annotatorNow, setClaims, settled, gotSettings } = wire;
  let claims: ClaimMarks | null = null;
  const nav = claimNavigator(document, () => claims);
  const part: { ui: SelfMediaUi | null; record: ArticleRecord | null; ready: boolean; done: boolean; nav: typeof nav; follow(s: Settings): void } = {
    ui: null,
    record: null,
    ready: false,
    done: false,
    nav,
    follow: () => {},
  };
  // An annotator waiting for the claims never waits for ever, whatever happened to them.
  void run()
    .catch((err: unknown) => console.warn('Sourcemark: the article did not start', err))
    .finally(settled);
  return part;

  async function run(): Promise<void> {
    // One request at load: the settings, whether the page has saved annotations (the background
    // then injects the annotator at once) and the reader's snapshot of it.
    const start = bareRequest({ type: ARTICLE_START }).catch(() => ({ settings: { ...DEFAULT_SETTINGS }, saved: false, snapshot: null }));
    // The claims are found by the background (`claims.detect`), asked in the next task: reading
    // the article's text is the longest piece of work at load, and recognition filled this one.
    const body = findArticleBody(document, page.platform);
    const claimsFound = body
      ? ctx.nextTask()
          .then(() =>
            findArticleClaims(body, async (text) => {
              const blocks = fitParagraphs(text, MAX_CLAIM_BLOCKS, MAX_CLAIM_TEXT);
              return (await bareRequest({ type: 'claims.detect', blocks })).claims;
            }),
          )
          .catch(() => null)
      : null;

    const { settings, saved, snapshot } = await start;
    if (!ctx.isValid) return;
    const lang = resolveLang(settings.language, navigator.language);
    gotSettings({ settings, lang });
    const ui = startSelfMediaUi({
      lang,
      page,
      settings,
      findArticleTop,
      verdicts: {
        verdictOf: (i) => annotatorNow()?.verdictOf(i) ?? null,
        // A verdict needs the annotator (it saves the claim's highlight): loaded for it.
        assess: (i, v) => void needAnnotator().then((a) => a?.assess(i, v)),
        openEditor: (i) => void needAnnotator().then((a) => a?.openEditor(i)),
      },
    });
    part.ui = ui;
    ctx.onInvalidated(() => ui.remove());
    let marksOn = settings.claimsEnabled;
    let badge: ReturnType<typeof claimsBadge> | null = null;
    part.follow = (next) => {
      marksOn = next.claimsEnabled;
      ui.setMarksOn(marksOn);
      badge?.setMarksOn(marksOn);
    };
    // The banner was drawn in this task; the marks (their answer is often here already) go in the next.
    await ctx.nextTask();
    const found = await claimsFound;
    if (!ctx.isValid) return;
    if (found && body) {
      const marks = markFoundClaims(body, found);
      claims = marks;
      ctx.onInvalidated(() => marks.remove());
    } else if (!body) claims = noClaims();
    if (claims) {
      setClaims(claims);
      ui.setClaims(claims);
    }
    // The annotator paints the highlights over the claim marks: it waits for them.
    settled();
    const record = articleRecord({ page, lang, banner: ui.banner });
    part.record = record;
    badge = claimsBadge(ctx, { count: claims?.views.length ?? 0, product: page.platform?.names.product ?? null, lang }, marksOn);
    // Claims that could not be found (the detector failed) are not "none": that opening goes uncounted.
    const counted = body && !found ? null : countByCategory(claims?.views ?? []);
    await record.onLoad(counted, snapshot, found && body ? { body, text: found.text.text } : undefined, badge.report);
    // Where the page has saved annotations the annotator is on its way and says when it is done:
    // "ready" from here would let the side panel (and a test) take the page as having none.
    part.ready = !saved;
    part.done = true;
    // An annotator already here (a late article) says "ready" only now too: the side panel redraws.
    if (!saved || annotatorNow()) wire.changed();
  }
}

/** Tells the side panel this tab's page changed (as the content script does). */
function pushChanged(revision: number): void {
  void bareRuntime()
    ?.sendMessage({ type: 'page.changed', revision })
    .catch(() => undefined);
}

/** What the article script knows of its page (no highlights: those are the annotator's). */
function facts(page: Recognition, claims: ClaimMarks | null, ready: boolean, revision: number): PageFacts {
  return { url: location.href, pageKey: pageKey(location.href), page, claims: claims?.views ?? [], ready, revision };
}

function status(page: Recognition, claims: ClaimMarks | null, ready: boolean, revision: number): PageStatus {
  return pageStatus(facts(page, claims, ready, revision), 0, []);
}

function outline(page: Recognition, claims: ClaimMarks | null, ready: boolean, revision: number): PageOutline {
  return pageOutline(facts(page, claims, ready, revision), document.title, () => null, []);
}

/** How long a page that shows no article yet may take before "no text left" counts as gone. */
const GONE_EMPTY_AFTER_MS = 10_000;

/** Shows the gone notice if the page says so now; resolves whether it did (see noticeIfGone). */
async function goneCheck(ctx: ScriptContext, page: Recognition, started: () => boolean): Promise<boolean> {
  const [settings, snapshot] = await Promise.all([
    bareRequest({ type: 'settings.get' }).then((a) => a.settings, () => ({ ...DEFAULT_SETTINGS })),
    bareRequest({ type: 'snapshot.get' }).then((a) => a.snapshot, () => null as ArticleSnapshot | null),
  ]);
  const lang = resolveLang(settings.language, navigator.language);
  if (!ctx.isValid || !snapshot) return false;
  if (await noticeIfGone(page, snapshot, lang, false).catch(() => false)) return true;
  ctx.setTimeout(() => {
    if (!started() && ctx.isValid) void noticeIfGone(page, snapshot, lang, true).catch(() => false);
  }, GONE_EMPTY_AFTER_MS);
  return false;
}
