import { render } from 'preact';
import AnnotatorLayer, { type Panel } from '@/components/ui/page/AnnotatorLayer';
import { annotatorCss } from '@/components/ui/page/annotator-styles';
import type { Lang } from '@/components/vocabulary/strings';
import type { NoteDraft, NoteFrameParams } from '@/storage/messaging/note-frame';
import { readNoteFrameEvent } from '@/storage/messaging/note-frame-event-guard';
import { noteFrameHash } from '@/storage/messaging/note-frame-protocol';
import type { Annotation, Color } from '@/storage/model/annotation';
import { pageKey, siteOf } from '@/storage/model/page-key';
import { anchorAll, describe } from '@/components/anchoring';
import { highlightRange, type HighlightHandle } from '@/components/marking/highlighter';
import { paintInOrder } from '@/components/marking/paint-order';
import { createShadowUi, type ShadowUi } from '@/components/marking/shadow-host';

/** How the annotator reaches the database: the content script passes message senders. */
export interface AnnotationBackend {
  listForPage(pageKey: string): Promise<Annotation[]>;
  save(a: Annotation): Promise<Annotation>;
  update(id: string, patch: Partial<Pick<Annotation, 'note' | 'color' | 'tags'>>): Promise<Annotation>;
  delete(id: string): Promise<boolean>;
}

interface Painted {
  annotation: Annotation;
  handle: HighlightHandle | null;
}

export const HIGHLIGHT_ATTR = 'highlight';

/**
 * Joins anchoring (selectors ↔ Range), the highlighter (Range ↔ marks in the DOM) and storage
 * (messages to the background) for one page. It holds the page's annotations, which are
 * painted, which are orphans, and the one open panel.
 */
export class Annotator {
  private painted = new Map<string, Painted>();
  private panel: Panel = { kind: 'none' };
  private error: string | null = null;
  private savedRange: Range | null = null;
  private ui: ShadowUi | null = null;
  private mount: HTMLElement | null = null;
  private key: string;
  private observer: MutationObserver | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private loadGeneration = 0;
  private readonly loadedUrl: string;

  constructor(
    private readonly doc: Document,
    private readonly backend: AnnotationBackend,
    private opts: {
      lang: Lang;
      defaultColor: Color;
      url: () => string;
      /** The extension's note.html: notes are shown and written only in that frame. */
      noteFrameUrl: string;
    },
  ) {
    this.loadedUrl = opts.url();
    this.key = this.currentKey();
    doc.defaultView?.addEventListener('message', this.onFrameMessage);
  }

  /**
   * The panel's shadow host, made the first time a panel opens: a page where the reader never
   * selects anything keeps its DOM exactly as it was.
   */
  private ensureUi(): { ui: ShadowUi; mount: HTMLElement } {
    if (this.ui && this.mount) return { ui: this.ui, mount: this.mount };
    const ui = createShadowUi(this.doc, 'annotator', annotatorCss);
    // Absolutely positioned from the document's origin so panels scroll with the text they serve.
    ui.host.style.setProperty('position', 'absolute', 'important');
    ui.host.style.setProperty('left', '0', 'important');
    ui.host.style.setProperty('top', '0', 'important');
    ui.host.style.setProperty('z-index', '2147483647', 'important');
    const mount = this.doc.createElement('div');
    ui.shadow.append(mount);
    this.doc.documentElement.append(ui.host);
    this.ui = ui;
    this.mount = mount;
    return { ui, mount };
  }

  /** Applies the reader's settings once the background has answered (they arrive after start). */
  configure(settings: { lang: Lang; defaultColor: Color }): void {
    this.opts = { ...this.opts, ...settings };
    this.render();
  }

  get pageKey(): string {
    return this.key;
  }

  get root(): Element {
    return this.doc.body;
  }

  /** Annotations saved for this page that could not be placed on it. */
  get orphans(): Annotation[] {
    return [...this.painted.values()].filter((p) => !p.handle).map((p) => p.annotation);
  }

  get all(): Annotation[] {
    return [...this.painted.values()].map((p) => p.annotation);
  }

  /** Loads the page's annotations and paints every one that anchors. */
  async load(): Promise<void> {
    const generation = ++this.loadGeneration;
    const list = await this.backend.listForPage(this.key);
    // A newer load (URL changed meanwhile) wins.
    if (generation !== this.loadGeneration) return;
    for (const a of list) this.painted.set(a.id, { annotation: a, handle: null });
    this.paintOrphans();
  }

  /** Drops every mark and loads the page's annotations again (they changed elsewhere). */
  async reload(): Promise<void> {
    this.clear();
    await this.load();
  }

  /** Opens the note editor for the current selection (toolbar, shortcut, context menu). */
  openEditorForSelection(): void {
    const range = this.selectionRange() ?? this.savedRange;
    if (!range) return;
    const draft = this.draft(range, this.opts.defaultColor);
    if (!draft) return;
    this.savedRange = range.cloneRange();
    this.error = null;
    this.setPanel(this.notePanel(this.below(range.getBoundingClientRect()), { mode: 'new', lang: this.opts.lang, draft }));
  }

  /** Paints the annotations that have no highlight yet; called again when the page changes. */
  paintOrphans(): void {
    const waiting = [...this.painted.values()].filter((p) => !p.handle);
    if (waiting.length === 0) return;
    this.withoutObserver(() => {
      const results = anchorAll(this.root, waiting.map((p) => p.annotation.selectors));
      const found: Array<{ p: Painted; start: number; end: number }> = [];
      waiting.forEach((p, i) => {
        const r = results[i];
        if (r && r.range !== null) found.push({ p, start: r.start, end: r.end });
      });
      // Wrapping one highlight splits Text nodes and moves the live boundaries of the other
      // ranges, but not the raw text offsets (wrappers keep the text). paintInOrder takes them
      // last-first, so most need no new page walk: one per highlight made 50 highlights on a long
      // article cost 60-100 ms.
      paintInOrder(this.root, found, ({ p }, range) => {
        p.handle = this.paint(p.annotation, range);
      });
    });
  }

  /** Watches for late content (lazy paragraphs) and retries the orphans, debounced. */
  observe(): void {
    const View = this.doc.defaultView;
    if (!View || this.observer) return;
    this.observer = new View.MutationObserver(() => {
      if (this.orphans.length === 0) return;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.paintOrphans(), 250);
    });
    this.observer.observe(this.root, { childList: true, subtree: true, characterData: true });
  }

  /** A single-page site moved to another URL: drop this page's marks and load the new page's. */
  async onUrlChange(newUrl: string = this.opts.url()): Promise<void> {
    const next = this.currentKey(newUrl);
    if (next === this.key) return;
    this.clear();
    this.key = next;
    await this.load();
  }

  /** Shows the toolbar under the current selection, if it selects page text. */
  onSelectionChange(): void {
    const range = this.selectionRange();
    if (!range) {
      if (this.panel.kind === 'toolbar') this.setPanel({ kind: 'none' });
      return;
    }
    this.savedRange = range.cloneRange();
    const rect = range.getBoundingClientRect();
    this.setPanel({ kind: 'toolbar', ...this.below(rect) });
  }

  /** Highlights the selection (toolbar button, keyboard shortcut or context menu). */
  async highlightSelection(color: Color = this.opts.defaultColor, note = ''): Promise<Annotation | null> {
    const range = this.selectionRange() ?? this.savedRange;
    if (!range) return null;
    const draft = this.draft(range, color);
    if (!draft) return null;
    const now = new Date().toISOString();
    const annotation: Annotation = { ...draft, id: crypto.randomUUID(), note, tags: [], created: now, updated: now };
    try {
      const saved = await this.backend.save(annotation);
      // Painted only once the background confirmed the write: a highlight on screen is a saved one.
      this.withoutObserver(() => {
        this.painted.set(saved.id, { annotation: saved, handle: this.paint(saved, range) });
      });
      this.doc.getSelection()?.removeAllRanges();
      this.savedRange = null;
      this.error = null;
      this.setPanel({ kind: 'none' });
      return saved;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      this.render();
      return null;
    }
  }

  /** Opens the popover of the highlight the reader clicked. */
  onHighlightClick(el: Element): void {
    const id = el.closest(`[data-sourcemark="${HIGHLIGHT_ATTR}"]`)?.getAttribute('data-annotation-id');
    const p = id ? this.painted.get(id) : undefined;
    if (!p) return;
    const rect = el.getBoundingClientRect();
    this.error = null;
    this.setPanel(this.notePanel(this.below(rect), { mode: 'view', lang: this.opts.lang, id: p.annotation.id, pageKey: this.key }));
  }

  /** True when the event happened inside Sourcemark's own panel. */
  isOwnEvent(e: Event): boolean {
    return this.ui !== null && e.composedPath().includes(this.ui.host);
  }

  closePanel(): void {
    this.error = null;
    this.setPanel({ kind: 'none' });
  }

  destroy(): void {
    this.doc.defaultView?.removeEventListener('message', this.onFrameMessage);
    this.clear();
    this.observer?.disconnect();
    if (this.mount) render(null, this.mount);
    this.ui?.remove();
  }

  /** Scrolls to a highlight and flashes it (the popup's "go to"). */
  reveal(id: string): boolean {
    const el = this.painted.get(id)?.handle?.elements[0];
    if (!el) return false;
    el.scrollIntoView({ block: 'center' });
    for (const mark of this.painted.get(id)?.handle?.elements ?? []) {
      mark.setAttribute('data-sourcemark-flash', '');
      setTimeout(() => mark.removeAttribute('data-sourcemark-flash'), 1600);
    }
    return true;
  }

  /** The page's own data for a new highlight on `range`: all an annotation has but the reader's words. */
  private draft(range: Range, color: Color): NoteDraft | null {
    const selectors = describe(this.root, range);
    if (selectors.length === 0) return null;
    const url = this.opts.url();
    return { pageKey: this.key, url, title: this.doc.title.slice(0, 2000), site: siteOf(url), selectors, color };
  }

  private notePanel(at: { x: number; y: number }, params: NoteFrameParams): Panel {
    return { kind: 'note', ...at, src: this.opts.noteFrameUrl + noteFrameHash(params) };
  }

  private frameWindow(): Window | null {
    return this.ui?.shadow.querySelector('iframe')?.contentWindow ?? null;
  }

  /**
   * Messages from the note frame. Only our own frame (its window, the extension's origin) is
   * heard: page scripts can post to this window but not as that frame.
   */
  private readonly onFrameMessage = (e: MessageEvent): void => {
    const frame = this.frameWindow();
    if (!frame || e.source !== frame || e.origin !== new URL(this.opts.noteFrameUrl).origin) return;
    const msg = readNoteFrameEvent(e.data);
    if (!msg) return;
    if (msg.type === 'close') this.closePanel();
    else void this.sync(msg.id);
  };

  /**
   * The frame created, changed or deleted annotation `id`: read it back from the background and
   * make the page agree (paint the new one on the saved selection, recolour, or unpaint).
   */
  private async sync(id: string): Promise<void> {
    try {
      const fresh = (await this.backend.listForPage(this.key)).find((a) => a.id === id);
      const p = this.painted.get(id);
      this.withoutObserver(() => {
        if (!fresh) {
          p?.handle?.remove();
          this.painted.delete(id);
        } else if (p) {
          p.annotation = fresh;
          for (const el of p.handle?.elements ?? []) el.setAttribute('data-color', fresh.color);
        } else {
          const range = this.savedRange;
          this.painted.set(id, { annotation: fresh, handle: range ? this.paint(fresh, range) : null });
          this.doc.getSelection()?.removeAllRanges();
          this.savedRange = null;
        }
      });
      if (fresh && !this.painted.get(id)?.handle) this.paintOrphans();
      this.closePanel();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      this.render();
    }
  }

  private paint(a: Annotation, range: Range): HighlightHandle {
    return highlightRange(range, {
      'data-sourcemark': HIGHLIGHT_ATTR,
      'data-annotation-id': a.id,
      'data-color': a.color,
    });
  }

  private clear(): void {
    this.withoutObserver(() => {
      for (const p of this.painted.values()) p.handle?.remove();
    });
    this.painted.clear();
    this.setPanel({ kind: 'none' });
  }

  /** Our own DOM changes must not wake the late-content observer. */
  private withoutObserver(fn: () => void): void {
    fn();
    this.observer?.takeRecords();
  }

  private selectionRange(): Range | null {
    const sel = this.doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!this.root.contains(range.commonAncestorContainer)) return null;
    if (range.toString().trim() === '') return null;
    return range;
  }

  private below(rect: DOMRect): { x: number; y: number } {
    const View = this.doc.defaultView;
    const sx = View?.scrollX ?? 0;
    const sy = View?.scrollY ?? 0;
    const maxX = (View?.innerWidth ?? 1024) + sx - 340;
    return { x: Math.max(sx + 8, Math.min(rect.left + sx, maxX)), y: rect.bottom + sy + 8 };
  }

  private currentKey(url: string = this.opts.url()): string {
    // A single-page site may leave the old page's canonical link behind: trust it only on the
    // page it was loaded with.
    const canonical =
      url === this.loadedUrl ? this.doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') : null;
    return pageKey(url, canonical);
  }

  private setPanel(panel: Panel): void {
    // The note frame had the focus: give it back to the page before the frame goes away, so the
    // keyboard keeps working where the reader was.
    const active = this.ui?.shadow.activeElement;
    if (panel.kind !== 'note' && active instanceof HTMLElement) active.blur();
    this.panel = panel;
    this.render();
  }

  private render(): void {
    if (!this.ui && this.panel.kind === 'none' && !this.error) return;
    const { mount } = this.ensureUi();
    render(
      <AnnotatorLayer
        lang={this.opts.lang}
        panel={this.panel}
        defaultColor={this.opts.defaultColor}
        error={this.error}
        onHighlight={(c) => void this.highlightSelection(c)}
        onNote={() => this.openEditorForSelection()}
      />,
      mount,
    );
  }
}
