import { render } from 'preact';
import AnnotatorLayer, { type Panel } from '@/components/ui/page/AnnotatorLayer';
import { annotatorCss } from '@/components/ui/page/annotator-styles';
import type { Lang } from '@/components/vocabulary/strings';
import { createShadowUi, type ShadowUi } from '@/components/marking/shadow-host';
import type { Color } from '@/storage/model/annotation';

export interface PanelActions {
  onHighlight: (color: Color) => void;
  onNote: () => void;
  onFrameLoad: (frame: HTMLIFrameElement) => void;
}

/**
 * The one panel Sourcemark shows over a page (the selection toolbar or the note frame) and the
 * error line, in a shadow root made the first time something is shown: a page where the reader
 * never selects anything keeps its DOM exactly as it was.
 */
export class AnnotatorPanel {
  private ui: ShadowUi | null = null;
  private mount: HTMLElement | null = null;
  private panel: Panel = { kind: 'none' };
  private error: string | null = null;
  private opts: { lang: Lang; defaultColor: Color };

  constructor(
    private readonly doc: Document,
    private readonly actions: PanelActions,
    opts: { lang: Lang; defaultColor: Color },
  ) {
    this.opts = opts;
  }

  get kind(): Panel['kind'] {
    return this.panel.kind;
  }

  configure(opts: { lang: Lang; defaultColor: Color }): void {
    this.opts = opts;
    this.render();
  }

  show(panel: Panel): void {
    // The note frame had the focus: give it back to the page before the frame goes away, so the
    // keyboard keeps working where the reader was.
    const active = this.ui?.shadow.activeElement;
    if (panel.kind !== 'note' && active instanceof HTMLElement) active.blur();
    this.panel = panel;
    this.render();
  }

  setError(error: string | null): void {
    this.error = error;
    this.render();
  }

  /** True when the event happened inside this panel. */
  contains(e: Event): boolean {
    return this.ui !== null && e.composedPath().includes(this.ui.host);
  }

  frame(): HTMLIFrameElement | null {
    return this.ui?.shadow.querySelector('iframe') ?? null;
  }

  /** Document coordinates just below `rect`, kept inside the viewport's width. */
  below(rect: DOMRect): { x: number; y: number } {
    const View = this.doc.defaultView;
    const sx = View?.scrollX ?? 0;
    const sy = View?.scrollY ?? 0;
    const maxX = (View?.innerWidth ?? 1024) + sx - 340;
    return { x: Math.max(sx + 8, Math.min(rect.left + sx, maxX)), y: rect.bottom + sy + 8 };
  }

  destroy(): void {
    if (this.mount) render(null, this.mount);
    this.ui?.remove();
    this.ui = null;
    this.mount = null;
  }

  private ensureUi(): HTMLElement {
    if (this.mount) return this.mount;
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
    return mount;
  }

  private render(): void {
    if (!this.ui && this.panel.kind === 'none' && !this.error) return;
    render(
      <AnnotatorLayer
        lang={this.opts.lang}
        panel={this.panel}
        defaultColor={this.opts.defaultColor}
        error={this.error}
        onHighlight={this.actions.onHighlight}
        onNote={this.actions.onNote}
        onFrameLoad={this.actions.onFrameLoad}
      />,
      this.ensureUi(),
    );
  }
}
