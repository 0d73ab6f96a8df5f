import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@/storage/model/annotation';
import { sampleAnnotation } from '../support/sample-annotation';
import { draft, harness, uuid, type Harness } from './background-harness';

/**
 * Every write sends exactly the notice that says what changed, to the pages it changed: a note
 * edit needs no DOM work in a page, a colour one attribute, an import or delete-all a reload.
 */

let h: Harness;
let a: Annotation;
beforeEach(async () => {
  h = harness();
  a = sampleAnnotation({ id: uuid(1) });
  await h.db.annotations.put(a);
});
afterEach(() => h.close());

const changed = (pageKey: string, id: string, change: string) => ({
  notice: { type: 'annotations.changed', pageKey, id, change },
  target: [pageKey],
});

describe('Writer notices', () => {
  it("create sends 'created' to the new annotation's page", async () => {
    const created = await h.writer.create(draft(), { pageKey: 'example.com/a', url: 'https://example.com/a' });
    expect(h.notices).toEqual([changed('example.com/a', created.id, 'created')]);
  });

  it("a note edit sends 'updated'", async () => {
    await h.writer.update(a.id, { note: 'new words' });
    expect(h.notices).toEqual([changed(a.pageKey, a.id, 'updated')]);
  });

  it("a tags edit sends 'updated'", async () => {
    await h.writer.update(a.id, { tags: ['x'] });
    expect(h.notices).toEqual([changed(a.pageKey, a.id, 'updated')]);
  });

  it("a colour change sends 'recoloured'", async () => {
    await h.writer.update(a.id, { color: 'blue' });
    expect(h.notices).toEqual([changed(a.pageKey, a.id, 'recoloured')]);
  });

  it("setting the same colour again is only 'updated'", async () => {
    await h.writer.update(a.id, { color: a.color });
    expect(h.notices).toEqual([changed(a.pageKey, a.id, 'updated')]);
  });

  it("delete sends 'deleted'", async () => {
    expect(await h.writer.delete(a.id)).toBe(true);
    expect(h.notices).toEqual([changed(a.pageKey, a.id, 'deleted')]);
  });

  it('delete of a missing id sends nothing', async () => {
    expect(await h.writer.delete(uuid(2))).toBe(false);
    expect(h.notices).toEqual([]);
  });

  it('an update or delete the caller may not make sends nothing and changes nothing', async () => {
    await expect(h.writer.update(a.id, { color: 'blue' }, () => false)).rejects.toThrow('not an annotation of this page');
    await expect(h.writer.delete(a.id, () => false)).rejects.toThrow('not an annotation of this page');
    expect(h.notices).toEqual([]);
    expect(await h.db.annotations.get(a.id)).toEqual(a);
  });

  it("save of an existing record with another colour sends 'recoloured'", async () => {
    await h.writer.save({ ...a, color: 'green' });
    expect(h.notices).toEqual([changed(a.pageKey, a.id, 'recoloured')]);
  });

  it("save of an existing record with another note sends 'updated'", async () => {
    await h.writer.save({ ...a, note: 'other' });
    expect(h.notices).toEqual([changed(a.pageKey, a.id, 'updated')]);
  });

  it("save of a new record (undo of a delete) sends 'created'", async () => {
    const b = sampleAnnotation({ id: uuid(2) });
    await h.writer.save(b);
    expect(h.notices).toEqual([changed(b.pageKey, b.id, 'created')]);
  });

  it("save that moves a record to another page sends 'deleted' to the old page and 'created' to the new", async () => {
    await h.writer.save({ ...a, pageKey: 'example.com/moved' });
    expect(h.notices).toEqual([changed(a.pageKey, a.id, 'deleted'), changed('example.com/moved', a.id, 'created')]);
  });

  it('import sends one reload notice for the page keys it touched', async () => {
    const incoming = [
      sampleAnnotation({ id: uuid(10), pageKey: 'p1' }),
      sampleAnnotation({ id: uuid(11), pageKey: 'p2' }),
      sampleAnnotation({ id: uuid(12), pageKey: 'p1' }),
      a, // already stored as it is: touches nothing
    ];
    expect(await h.writer.importWrite(incoming, 'skip')).toEqual({ added: 3, updated: 0, unchanged: 1 });
    expect(h.notices).toHaveLength(1);
    expect(h.notices[0]!.notice).toEqual({ type: 'annotations.reload' });
    expect([...(h.notices[0]!.target as string[])].sort()).toEqual(['p1', 'p2']);
  });

  it('import that changes nothing sends no notice', async () => {
    expect(await h.writer.importWrite([a, { ...a, note: 'newer' }], 'skip')).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(h.notices).toEqual([]);
  });

  it("deleteAll sends one reload for 'all'", async () => {
    expect(await h.writer.deleteAll()).toBe(1);
    expect(h.notices).toEqual([{ notice: { type: 'annotations.reload' }, target: 'all' }]);
  });

  it('a write the schema refuses sends no notice', async () => {
    await expect(h.writer.save({ ...a, color: 'red' as never })).rejects.toThrow();
    await expect(h.writer.create(draft(), { pageKey: 'k', url: 'javascript:alert(1)' })).rejects.toThrow();
    expect(h.notices).toEqual([]);
    expect(await h.everything()).toEqual([a]);
  });

  it('a settings change tells every open page the new settings', async () => {
    const settings = await h.writer.setSettings({ claimsEnabled: false });
    expect(settings.claimsEnabled).toBe(false);
    expect(h.notices).toEqual([{ notice: { type: 'settings.changed', settings }, target: 'all' }]);
  });
});
