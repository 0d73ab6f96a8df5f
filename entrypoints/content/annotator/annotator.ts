import { describe } from '@/components/anchoring';
import { ATTR, MARK_KIND } from '@/components/vocabulary/attributes';
import type { Lang } from '@/components/vocabulary/strings';
import type { AnnotationBackend } from '@/storage/messaging/backend';
import type { ChangeNotice, NoteGrantRequest } from '@/storage/messaging/protocol';
import type { Annotation, Color, Selector } from '@/storage/model/annotation';
import { pageKey } from '@/storage/model/page-key';
import { NoteFrameChannel } from './note-frame-channel';
import { PaintedHighlights } from './painted-highlights';
import { AnnotatorPanel } from './panel';
import { VerdictMarks } from '@/components/marking/verdict-marks';
import type { ClaimRef } from '@/components/marking/claim-nav';
import type { Verdict } from '@/components/vocabulary/verdicts';

export type { ClaimRef } from '@/components/marking/claim-nav';

export interface AnnotatorOptions {
  lang: Lang;
  defaultColor: Color;
  url: () => string;
  /** The extension's note.html (its dynamic URL in Chrome): notes are shown only in that frame. */
  noteFrameUrl: string;
  /** The origins the loaded note frame may have (see NoteFrameChannel). */
  noteFrameOrigins: readonly string[];
  /** Asks the background for a one-time note-frame token for this page. */
  openNoteFrame: (grant: NoteGrantRequest) => Promise<string>;
}

/**
 * Highlights and notes on one page: wires the painted highlights, the panel and the note-frame
 * channel to the reader's actions and to the background's change notices. The page's identity is
 * its URL, as the background derives it from the sender: a canonical link the page carries
 * cannot make it show another article's annotations.
 */
export class Annotator {
  readonly highlights: PaintedHighlights;
  readonly verdicts: VerdictMarks;
  private readonly panel: AnnotatorPanel;
  private readonly channel: NoteFrameChannel;
  private key: string;
  /** The selection the toolbar was shown for, as selectors: text offsets survive other marks. */
  private pending: { selectors: Selector[]; at: { x: number; y: number } } | null = null;
  private frames = 0;
  private opts: AnnotatorOptions;
  /** Each claim's verdict write on its way (see assessClaim). */
  private readonly assessing = new Map<number, Promise<Annotation | null>>();
  /** Told after the verdicts on the page were redrawn (the open tooltip follows). */
  onVerdicts: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly backend: AnnotationBackend,
    opts: AnnotatorOptions,
  ) {
    this.opts = opts;
    this.key = pageKey(opts.url());
    this.verdicts = new VerdictMarks(doc, opts.lang);
    this.highlights = new PaintedHighlights(doc, backend, () => {
      this.verdicts.refresh(this.highlights);
      this.onVerdicts?.();
    });
    this.panel = new AnnotatorPanel(
      doc,
      {
        onHighlight: (color) => void this.highlightSelection(color),
        onNote: () => void this.openEditorForSelection(),
        onFrameLoad: (frame) => this.channel.frameLoaded(frame),
      },
      opts,
    );
    this.channel = new NoteFrameChannel(doc.defaultView!, opts.noteFrameOrigins, {
      frame: () => this.panel.frame(),
      onClose: () => this.closePanel(),
    });
  }

  get pageKey(): string {
    return this.key;
  }

  /** Applies the reader's settings once the background has answered (they arrive after start). */
  configure(settings: { lang: Lang; defaultColor: Color }): void {
    this.opts = { ...this.opts, ...settings };
    this.panel.configure(settings);
    this.verdicts.setLang(settings.lang);
    this.verdicts.refresh(this.highlights);
  }

  load(): Promise<void> {
    return this.highlights.load(this.key);
  }

  /** A notice from the background about this page (others' notices are not ours). */
  async onNotice(notice: ChangeNotice): Promise<void> {
    if (notice.pageKey !== this.key) return;
    await this.highlights.apply(notice.id, notice.change);
  }

  /** A single-page site moved to another URL: drop this page's marks and load the new page's. */
  async onUrlChange(newUrl: string = this.opts.url()): Promise<void> {
    const next = pageKey(newUrl);
    if (next === this.key) return;
    this.key = next;
    this.closePanel();
    this.highlights.clear();
    await this.highlights.load(next);
  }

  /** Shows the toolbar under the current selection, if it selects page text. */
  onSelectionChange(): void {
    const range = this.selectionRange();
    if (!range) {
      if (this.panel.kind === 'toolbar') this.panel.show({ kind: 'none' });
      return;
    }
    const at = this.panel.below(range.getBoundingClientRect());
    this.pending = { selectors: describe(this.doc.body, range), at };
    this.panel.show({ kind: 'toolbar', ...at });
  }

  /** Highlights the selection (toolbar button, keyboard shortcut or context menu). */
  async highlightSelection(color: Color = this.opts.defaultColor): Promise<Annotation | null> {
    const selectors = this.currentSelectors();
    if (!selectors) return null;
    try {
      const saved = await this.backend.create({ selectors, color, note: '', title: this.title() });
      // Painted from its selectors on the page as it is now, and only once the background
      // confirmed the write: a highlight on screen is a saved one. Its notice may have come first.
      // Not if the URL changed while it was saved: it is the old page's, as its notice would be.
      if (saved.pageKey === this.key) this.highlights.add(saved);
      this.doc.getSelection()?.removeAllRanges();
      this.pending = null;
      this.panel.setError(null);
      this.panel.show({ kind: 'none' });
      return saved;
    } catch (err) {
      this.panel.setError(messageOf(err));
      return null;
    }
  }

  /** Opens the note editor for the current selection (toolbar, shortcut, context menu). */
  async openEditorForSelection(): Promise<void> {
    const range = this.selectionRange();
    const selectors = this.currentSelectors();
    if (!selectors) return;
    const at = range ? this.panel.below(range.getBoundingClientRect()) : (this.pending?.at ?? { x: 16, y: 16 });
    await this.openFrame(at, {
      mode: 'new',
      lang: this.opts.lang,
      selectors,
      color: this.opts.defaultColor,
      title: this.title(),
    });
    // The note's highlight appears when the background says it was created.
    this.doc.getSelection()?.removeAllRanges();
    this.pending = null;
  }

  /** Opens the popover of the highlight the reader clicked (a real click only: see start.ts). */
  async onHighlightClick(el: Element): Promise<void> {
    const id = el.closest(`[${ATTR.mark}="${MARK_KIND.highlight}"]`)?.getAttribute(ATTR.annotationId);
    if (!id || !this.highlights.has(id)) return;
    await this.openFrame(this.panel.below(el.getBoundingClientRect()), { mode: 'view', lang: this.opts.lang, id });
  }

  /**
   * Records the reader's verdict on a claim mark (a tooltip button): changes the claim's
   * assessment, or saves a new one anchored on the claim's sentence. The mark shows it once the
   * background confirmed the write. Verdicts on one claim are written one after another: a
   * second press while the first claim's annotation is being created changes that annotation
   * instead of creating another.
   */
  assessClaim(claim: ClaimRef, verdict: Verdict): Promise<Annotation | null> {
    const before = this.assessing.get(claim.index);
    const done = (before ?? Promise.resolve()).then(() => this.assessNow(claim, verdict));
    this.assessing.set(claim.index, done);
    const forget = () => {
      if (this.assessing.get(claim.index) === done) this.assessing.delete(claim.index);
    };
    void done.then(forget, forget);
    return done;
  }

  private async assessNow(claim: ClaimRef, verdict: Verdict): Promise<Annotation | null> {
    const current = this.verdicts.ofClaim(claim.index);
    try {
      if (current?.assessment) {
        return await this.backend.assess(current.id, { ...current.assessment, verdict });
      }
      const selectors = this.claimSelectors(claim);
      if (!selectors) return null;
      const saved = await this.backend.create({
        selectors,
        color: this.opts.defaultColor,
        note: '',
        title: this.title(),
        assessment: { verdict, evidence: [], claim: { category: claim.category } },
      });
      if (saved.pageKey === this.key) this.highlights.add(saved);
      this.panel.setError(null);
      return saved;
    } catch (err) {
      this.panel.setError(messageOf(err));
      return null;
    }
  }

  /** Opens the note editor on a claim's assessment (note, evidence), creating it on save if new. */
  async openClaimEditor(claim: ClaimRef): Promise<void> {
    const first = claim.elements[0];
    if (!first) return;
    const at = this.panel.below(first.getBoundingClientRect());
    const current = this.verdicts.ofClaim(claim.index);
    if (current) return this.openFrame(at, { mode: 'view', lang: this.opts.lang, id: current.id, edit: true });
    const selectors = this.claimSelectors(claim);
    if (!selectors) return;
    await this.openFrame(at, {
      mode: 'new',
      lang: this.opts.lang,
      selectors,
      color: this.opts.defaultColor,
      title: this.title(),
      assessment: { verdict: 'unchecked', evidence: [], claim: { category: claim.category } },
    });
  }

  /** True when the event happened inside Sourcemark's own panel. */
  isOwnEvent(e: Event): boolean {
    return this.panel.contains(e);
  }

  closePanel(): void {
    this.panel.setError(null);
    this.panel.show({ kind: 'none' });
  }

  /** Scrolls to a highlight and flashes it (the popup's "go to"). */
  reveal(id: string): boolean {
    const marks = this.highlights.elementsOf(id);
    const first = marks[0];
    if (!first) return false;
    first.scrollIntoView({ block: 'center' });
    for (const mark of marks) {
      mark.setAttribute(ATTR.flash, '');
      setTimeout(() => mark.removeAttribute(ATTR.flash), 1600);
    }
    return true;
  }

  destroy(): void {
    this.channel.destroy();
    this.highlights.disconnect();
    this.highlights.clear();
    this.panel.destroy();
  }

  private async openFrame(at: { x: number; y: number }, grant: NoteGrantRequest): Promise<void> {
    try {
      const token = await this.opts.openNoteFrame(grant);
      this.channel.expect(token);
      this.panel.setError(null);
      this.panel.show({ kind: 'note', ...at, src: this.opts.noteFrameUrl, frame: ++this.frames });
    } catch (err) {
      this.panel.setError(messageOf(err));
    }
  }

  /** The claim's sentence as selectors, from its first mark element to its last. */
  private claimSelectors(claim: ClaimRef): Selector[] | null {
    const first = claim.elements[0];
    const last = claim.elements[claim.elements.length - 1];
    if (!first || !last || !first.isConnected || !last.isConnected) return null;
    const range = this.doc.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    const selectors = describe(this.doc.body, range);
    return selectors.length ? selectors : null;
  }

  private currentSelectors(): Selector[] | null {
    const range = this.selectionRange();
    const selectors = range ? describe(this.doc.body, range) : (this.pending?.selectors ?? null);
    return selectors && selectors.length ? selectors : null;
  }

  private title(): string {
    return this.doc.title.slice(0, 2000);
  }

  private selectionRange(): Range | null {
    const sel = this.doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!this.doc.body.contains(range.commonAncestorContainer)) return null;
    if (range.toString().trim() === '') return null;
    return range;
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
