import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '@/entrypoints/background/handlers';
import { AnnotationStore } from '@/storage/db/annotation-store';
import { SourcemarkDB } from '@/storage/db/db';
import { parseRequest } from '@/storage/messaging/messages';
import { sampleAnnotation } from '../support/sample-annotation';

describe('parseRequest', () => {
  it.each([
    [null, 'invalid message: (root)'],
    ['annotation.save', 'invalid message: (root)'],
    [{ type: 'nope' }, 'invalid message: type'],
    [{ type: 'annotation.delete', id: 'not-a-uuid' }, 'invalid message: id'],
    [{ type: 'annotation.save', annotation: { ...sampleAnnotation(), color: 'red' } }, 'invalid message: annotation.color'],
    [{ type: 'annotation.save', annotation: { ...sampleAnnotation(), selectors: [] } }, 'invalid message: annotation.selectors'],
    [{ type: 'annotation.listForPage', pageKey: 'k', extra: 1 }, 'invalid message: (root)'],
  ])('rejects %j with a message naming where', (raw, prefix) => {
    const r = parseRequest(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.startsWith(prefix)).toBe(true);
  });

  it('accepts a well-formed save', () => {
    expect(parseRequest({ type: 'annotation.save', annotation: sampleAnnotation() }).ok).toBe(true);
  });
});

const deps = (store: AnnotationStore) => ({ store, injectInto: async () => {} });

describe('handleMessage', () => {
  let store: AnnotationStore;
  let db: SourcemarkDB;
  beforeEach(async () => {
    db = new SourcemarkDB(`test-${Math.random()}`);
    store = new AnnotationStore(db);
  });

  it('saves, lists, updates and deletes through messages', async () => {
    const a = sampleAnnotation();
    expect(await handleMessage(deps(store), { type: 'annotation.save', annotation: a })).toEqual({ ok: true, data: { annotation: a } });
    const listed = await handleMessage(deps(store), { type: 'annotation.listForPage', pageKey: a.pageKey });
    expect(listed).toEqual({ ok: true, data: { annotations: [a] } });
    const updated = await handleMessage(deps(store), { type: 'annotation.update', id: a.id, patch: { note: '改了', color: 'blue' } });
    expect(updated.ok && 'annotation' in updated.data && updated.data.annotation.note).toBe('改了');
    expect(await handleMessage(deps(store), { type: 'annotation.delete', id: a.id })).toEqual({ ok: true, data: { deleted: true } });
    expect(await db.annotations.count()).toBe(0);
  });

  it('answers a bad message with an error and writes nothing', async () => {
    const r = await handleMessage(deps(store), { type: 'annotation.save', annotation: { id: 1 } });
    expect(r.ok).toBe(false);
    expect(await db.annotations.count()).toBe(0);
  });

  it('reports an update of a missing annotation instead of creating one', async () => {
    const r = await handleMessage(deps(store), { type: 'annotation.update', id: sampleAnnotation().id, patch: { note: 'x' } });
    expect(r).toEqual({ ok: false, error: `no annotation with id ${sampleAnnotation().id}` });
    expect(await db.annotations.count()).toBe(0);
  });

  it('tells the reader the disk is full when the browser refuses the write', async () => {
    const full = new AnnotationStore(db);
    full.save = () => Promise.reject(new DOMException('quota', 'QuotaExceededError'));
    const r = await handleMessage(deps(full), { type: 'annotation.save', annotation: sampleAnnotation() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/storage full/);
    expect(await db.annotations.count()).toBe(0);
  });
});
