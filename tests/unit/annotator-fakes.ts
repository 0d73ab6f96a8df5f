import { patched } from '@/storage/model/patch';
import { describe as describeRange } from '@/components/anchoring';
import type { AnnotationBackend } from '@/storage/messaging/backend';
import type { AnnotationDraft, AnnotationPatch } from '@/storage/messaging/protocol';
import type { Annotation, Assessment, Color, Selector } from '@/storage/model/annotation';
import { pageKey } from '@/storage/model/page-key';

/**
 * Test doubles for the page annotator: an in-memory AnnotationBackend whose answers can be held
 * back and released in any order, and helpers to find words on the page.
 */

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

type Call = 'list' | 'get' | 'create';

/**
 * The background as the page sees it: it knows the page from the "sender" (`page`, a URL), reads
 * its records when it answers, and answers at once unless a test holds the next call of a kind.
 */
export class FakeBackend implements AnnotationBackend {
  readonly records = new Map<string, Annotation>();
  /** The URL of the page that sends the requests (the background derives the page from it). */
  page: string;
  readonly calls: Record<Call, number> = { list: 0, get: 0, create: 0 };
  private readonly gates: Record<Call, Array<Deferred<void>>> = { list: [], get: [], create: [] };
  private seq = 0;

  constructor(page = 'https://news.example.com/a/1.html') {
    this.page = page;
  }

  /** Holds the next call of `kind` until the returned function is called. */
  hold(kind: Call): () => Promise<void> {
    const gate = deferred();
    this.gates[kind].push(gate);
    return async () => {
      gate.resolve();
      // Let the held call's continuation (and the caller's) run before the test goes on.
      await settle();
    };
  }

  /** Stores an annotation as if another tab or the popup had made it. */
  put(selectors: Selector[], over: Partial<Annotation> = {}): Annotation {
    const a = this.make({ selectors, color: 'yellow', note: '', title: 'Title' }, over);
    this.records.set(a.id, a);
    return a;
  }

  async listForPage(): Promise<Annotation[]> {
    this.calls.list++;
    // The sender's page at the time it asked, read when the background gets to it.
    const key = pageKey(this.page);
    await this.wait('list');
    return [...this.records.values()].filter((a) => a.pageKey === key).map(copy);
  }

  async get(id: string): Promise<Annotation | null> {
    this.calls.get++;
    await this.wait('get');
    const a = this.records.get(id);
    return a ? copy(a) : null;
  }

  async create(draft: AnnotationDraft): Promise<Annotation> {
    this.calls.create++;
    const page = this.page;
    await this.wait('create');
    const a = this.make(draft, { url: page, pageKey: pageKey(page) });
    this.records.set(a.id, a);
    return copy(a);
  }

  async update(id: string, patch: AnnotationPatch): Promise<Annotation> {
    const a = this.records.get(id);
    if (!a) throw new Error(`no annotation ${id}`);
    const next = patched(a, patch, new Date(Date.parse(a.updated) + 1000).toISOString());
    this.records.set(id, next);
    return copy(next);
  }

  async assess(id: string, assessment: Assessment): Promise<Annotation> {
    return this.update(id, { assessment });
  }

  async delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }

  private async wait(kind: Call): Promise<void> {
    const gate = this.gates[kind].shift();
    if (gate) await gate.promise;
  }

  private make(draft: AnnotationDraft, over: Partial<Annotation>): Annotation {
    const n = ++this.seq;
    return {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      pageKey: pageKey(this.page),
      url: this.page,
      title: draft.title,
      site: new URL(this.page).hostname,
      selectors: draft.selectors,
      color: draft.color as Color,
      note: draft.note,
      tags: [],
      created: '2026-01-25T03:07:00.000Z',
      updated: '2026-01-25T03:07:00.000Z',
      ...(draft.assessment ? { assessment: draft.assessment } : {}),
      ...over,
    };
  }
}

const copy = (a: Annotation): Annotation => structuredClone(a);

/** Lets pending promise continuations and MutationObserver callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => queueMicrotask(r));
}

import { rangeOf } from '../support/range-of';

export { rangeOf };

/** The selectors the reader's selection of `quote` on the page as it is now would be saved with. */
export function selectorsOf(root: Element, quote: string): Selector[] {
  return describeRange(root, rangeOf(root, quote));
}

/** Every wrapper element of highlight `id` on the page. */
export function marksOf(doc: Document, id: string): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(`[data-annotation-id="${id}"]`)];
}

/** The text of highlight `id` as painted, joined across its wrappers. */
export function markedText(doc: Document, id: string): string {
  return marksOf(doc, id)
    .map((e) => e.textContent)
    .join('');
}
