import type { Annotation } from '../model/annotation';
import { siteOf } from '../model/page-key';
import type { SettingsPatch, Settings } from '../model/settings';
import type { AnnotationDraft, AnnotationPatch, Change, ChangeNotice, ImportOutcomeData, ReloadNotice, SettingsNotice } from '../messaging/protocol';
import { AnnotationStore } from './annotation-store';
import type { SourcemarkDB } from './db';
import { writeImport, type ImportMode } from './import-writer';
import { writeSettings } from './settings';
import { journal, journalTables, type LocalChange } from './journal';
import { applyTables, applyVersions } from './sync-apply';
import type { Version } from '@/components/sync/versions';

/** Which open pages a notice is for: these page keys, or every page (delete-all). */
export type NoticeTarget = readonly string[] | 'all';
export type Notify = (notice: ChangeNotice | ReloadNotice | SettingsNotice, target: NoticeTarget) => void;

/** Where a content script's new highlight is, as the background derived it from the sender. */
export interface DraftPage {
  pageKey: string;
  url: string;
}

/** Refuses to touch an annotation the caller may not (another page's, for a content script). */
export type Allowed = (current: Annotation) => boolean;

export class NotAllowedError extends Error {
  override name = 'NotAllowedError';
}

/**
 * Every write to the database, and the notice each one sends. The background is its only user,
 * so the popup, options, content scripts and note frames all change data through here, and every
 * open page hears of exactly what changed: a note edit is `updated` (no DOM work), a colour is
 * `recoloured` (one attribute), an import or delete-all reloads the pages it touched.
 */
export class Writer {
  private readonly store: AnnotationStore;

  constructor(
    private readonly db: SourcemarkDB,
    private readonly notify: Notify,
    private readonly clock: { now: () => Date; newId: () => string } = {
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    },
  ) {
    this.store = new AnnotationStore(db);
  }

  /** A new highlight: id, page, site and times are ours, never the sender's. */
  async create(draft: AnnotationDraft, page: DraftPage): Promise<Annotation> {
    const now = this.clock.now();
    const at = now.toISOString();
    const saved = await this.journaled(now, async () => this.store.save({
      id: this.clock.newId(),
      pageKey: page.pageKey,
      url: page.url,
      site: siteOf(page.url),
      title: draft.title,
      selectors: draft.selectors,
      color: draft.color,
      note: draft.note,
      tags: [],
      created: at,
      updated: at,
      ...(draft.assessment ? { assessment: draft.assessment } : {}),
    }), (a) => [{ id: a.id, pageKey: a.pageKey, change: 'edit' }]);
    this.changed(saved.pageKey, saved.id, 'created');
    return saved;
  }

  /** Stores a whole record as it is (undo of a delete: same id and times). */
  async save(annotation: Annotation): Promise<Annotation> {
    const before = await this.db.annotations.get(annotation.id);
    const saved = await this.journaled(this.clock.now(), () => this.store.save(annotation), (a) => [
      { id: a.id, pageKey: a.pageKey, change: 'edit' },
    ]);
    if (before && before.pageKey !== saved.pageKey) this.changed(before.pageKey, before.id, 'deleted');
    const change: Change = !before || before.pageKey !== saved.pageKey ? 'created' : changeOf(before, saved);
    this.changed(saved.pageKey, saved.id, change);
    return saved;
  }

  async update(id: string, patch: AnnotationPatch, allowed: Allowed = () => true): Promise<Annotation> {
    const before = await this.db.annotations.get(id);
    if (!before) throw new Error(`no annotation with id ${id}`);
    if (!allowed(before)) throw new NotAllowedError('not an annotation of this page');
    const now = this.clock.now();
    const next = await this.journaled(now, () => this.store.update(id, patch, now), (a) => [{ id, pageKey: a.pageKey, change: 'edit' }]);
    this.changed(next.pageKey, id, changeOf(before, next));
    return next;
  }

  async delete(id: string, allowed: Allowed = () => true): Promise<boolean> {
    const before = await this.db.annotations.get(id);
    if (!before) return false;
    if (!allowed(before)) throw new NotAllowedError('not an annotation of this page');
    const deleted = await this.journaled(this.clock.now(), () => this.store.delete(id), (gone) =>
      gone ? [{ id, pageKey: before.pageKey, change: 'delete' }] : [],
    );
    if (deleted) this.changed(before.pageKey, id, 'deleted');
    return deleted;
  }

  async importWrite(annotations: readonly Annotation[], mode: ImportMode): Promise<ImportOutcomeData> {
    const out = await this.journaled(this.clock.now(), () => writeImport(this.db, annotations, mode), (o) =>
      o.written.map((a) => ({ id: a.id, pageKey: a.pageKey, change: 'edit' as const })),
    );
    if (out.pageKeys.length) this.notify({ type: 'annotations.reload' }, out.pageKeys);
    return { added: out.added, updated: out.updated, unchanged: out.unchanged };
  }

  async deleteAll(): Promise<number> {
    const removed = await this.db.transaction('rw', [this.db.annotations, ...journalTables(this.db)], async () => {
      const all: LocalChange[] = [];
      await this.db.annotations.each((a) => void all.push({ id: a.id, pageKey: a.pageKey, change: 'delete' }));
      await this.db.annotations.clear();
      // Deletions travel to the other devices like any other (README, "Sync").
      await journal(this.db, all, this.clock.now().getTime());
      return all.length;
    });
    this.notify({ type: 'annotations.reload' }, 'all');
    return removed;
  }

  /** Changes settings; every open page hears the new ones (claim marks on or off at once). */
  async setSettings(patch: SettingsPatch): Promise<Settings> {
    const settings = await writeSettings(this.db, patch);
    this.notify({ type: 'settings.changed', settings }, 'all');
    return settings;
  }

  /**
   * Merges versions another device wrote (components/sync); open pages of what changed reload.
   * Not journaled: these are that device's changes, already on the server.
   */
  async applySync(versions: readonly Version[]): Promise<number> {
    const out = await this.db.transaction('rw', [...applyTables(this.db)], () => applyVersions(this.db, versions, this.clock.now()));
    if (out.pageKeys.length) this.notify({ type: 'annotations.reload' }, out.pageKeys);
    return out.applied;
  }

  /** Runs a write and records its changes as versions, in one transaction. */
  private journaled<T>(now: Date, write: () => Promise<T>, changes: (result: T) => LocalChange[]): Promise<T> {
    return this.db.transaction('rw', [this.db.annotations, ...journalTables(this.db)], async () => {
      const result = await write();
      await journal(this.db, changes(result), now.getTime());
      return result;
    });
  }

  private changed(pageKey: string, id: string, change: Change): void {
    this.notify({ type: 'annotations.changed', pageKey, id, change }, [pageKey]);
  }
}

/**
 * The narrowest notice for an edit: a colour changes one attribute, a verdict repaints one mark's
 * verdict, anything else (note, tags) needs no DOM work in a page.
 */
function changeOf(before: Annotation, after: Annotation): Change {
  if (before.color !== after.color) return 'recoloured';
  if (JSON.stringify(before.assessment ?? null) !== JSON.stringify(after.assessment ?? null)) return 'assessed';
  return 'updated';
}
