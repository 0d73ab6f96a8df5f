import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackgroundRequest } from '@/storage/messaging/protocol';
import type { Annotation } from '@/storage/model/annotation';
import { sampleAnnotation } from '../support/sample-annotation';
import { contentScript, draft, EXTENSION_ID, FIXED_NOW, harness, popup, senderOf, uuid, type Harness } from './background-harness';

describe('parseBackgroundRequest', () => {
  it.each([
    [null, 'invalid message: (root)'],
    ['annotation.save', 'invalid message: (root)'],
    [{ type: 'nope' }, 'invalid message: type'],
    [{ type: 'annotation.delete', id: 'not-a-uuid' }, 'invalid message: id'],
    [{ type: 'annotation.save', annotation: { ...sampleAnnotation(), color: 'red' } }, 'invalid message: annotation.color'],
    [{ type: 'annotation.save', annotation: { ...sampleAnnotation(), selectors: [] } }, 'invalid message: annotation.selectors'],
    [{ type: 'annotation.save', annotation: { ...sampleAnnotation(), url: 'javascript:alert(1)' } }, 'invalid message: annotation.url'],
    [{ type: 'annotation.listForPage', pageKey: 'k', extra: 1 }, 'invalid message: (root)'],
    [{ type: 'annotation.create', draft: { ...draft(), pageKey: 'evil.example/x' } }, 'invalid message: draft'],
    [{ type: 'annotation.update', id: uuid(1), patch: { pageKey: 'evil.example/x' } }, 'invalid message: patch'],
    [{ type: 'import.write', annotations: [sampleAnnotation(), { id: 1 }], mode: 'skip' }, 'invalid message: annotations.1'],
    [{ type: 'noteFrame.redeem', token: 'short' }, 'invalid message: token'],
  ])('rejects %j with a message naming where', (raw, prefix) => {
    const r = parseBackgroundRequest(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.startsWith(prefix), r.error).toBe(true);
  });

  it('accepts a well-formed save', () => {
    expect(parseBackgroundRequest({ type: 'annotation.save', annotation: sampleAnnotation() }).ok).toBe(true);
  });
});

describe('handleMessage from an extension page', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.close());

  it('saves, lists, updates and deletes through messages', async () => {
    const a = sampleAnnotation();
    expect(await h.ask(popup(), { type: 'annotation.save', annotation: a })).toEqual({ ok: true, data: { annotation: a } });
    expect(await h.ask(popup(), { type: 'annotation.listForPage', pageKey: a.pageKey })).toEqual({ ok: true, data: { annotations: [a] } });
    const updated = await h.ok(popup(), { type: 'annotation.update', id: a.id, patch: { note: '改了', color: 'blue' } });
    expect(updated.annotation).toMatchObject({ note: '改了', color: 'blue', updated: FIXED_NOW.toISOString() });
    expect(await h.ask(popup(), { type: 'annotation.delete', id: a.id })).toEqual({ ok: true, data: { deleted: true } });
    expect(await h.db.annotations.count()).toBe(0);
  });

  it('answers a malformed message with an error naming where, and writes nothing', async () => {
    const r = await h.ask(popup(), { type: 'annotation.save', annotation: { ...sampleAnnotation(), id: 1 } });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^invalid message: annotation\.id: /) });
    expect(await h.db.annotations.count()).toBe(0);
    expect(h.notices).toEqual([]);
  });

  it('reports an update of a missing annotation instead of creating one', async () => {
    const r = await h.ask(popup(), { type: 'annotation.update', id: sampleAnnotation().id, patch: { note: 'x' } });
    expect(r).toEqual({ ok: false, error: `no annotation with id ${sampleAnnotation().id}` });
    expect(await h.db.annotations.count()).toBe(0);
  });

  it('asks for a page key when an extension page lists without one', async () => {
    expect(await h.ask(popup(), { type: 'annotation.listForPage' })).toEqual({ ok: false, error: 'pageKey: required' });
  });

  it('may reveal an annotation, enable a tab, import and delete everything', async () => {
    const a = sampleAnnotation();
    expect(await h.ok(popup(), { type: 'import.write', annotations: [a], mode: 'skip' })).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await h.ok(popup(), { type: 'annotation.reveal', id: a.id })).toEqual({ shown: true });
    expect(h.revealed).toEqual([a.id]);
    expect(await h.ok(popup(), { type: 'tab.enable', tabId: 12 })).toEqual({ enabled: true });
    expect(h.injected).toEqual([12]);
    expect(await h.ok(popup(), { type: 'data.deleteAll' })).toEqual({ deleted: 1 });
    expect(await h.db.annotations.count()).toBe(0);
  });

  it('may not create a highlight: only a page does, from its own address', async () => {
    const r = await h.ask(popup(), { type: 'annotation.create', draft: draft() });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^refused: /) });
    expect(await h.db.annotations.count()).toBe(0);
  });
});

describe('handleMessage from a content script', () => {
  const HERE = 'https://example.com/articles/1?utm_source=feed#top';
  const HERE_KEY = 'example.com/articles/1';
  const ELSEWHERE = 'https://other.example/post';
  let h: Harness;
  let mine: Annotation;
  let theirs: Annotation;

  beforeEach(async () => {
    h = harness();
    mine = sampleAnnotation({ id: uuid(1), pageKey: HERE_KEY, url: 'https://example.com/articles/1', site: 'example.com', note: 'mine' });
    theirs = sampleAnnotation({ id: uuid(2), pageKey: 'other.example/post', url: ELSEWHERE, site: 'other.example', note: 'theirs' });
    await h.db.annotations.bulkPut([mine, theirs]);
  });
  afterEach(() => h.close());

  it("lists its own page's annotations without naming a page", async () => {
    expect(await h.ok(contentScript(HERE), { type: 'annotation.listForPage' })).toEqual({ annotations: [mine] });
  });

  it('lists its own page when it names its own page key', async () => {
    expect(await h.ok(contentScript(HERE), { type: 'annotation.listForPage', pageKey: HERE_KEY })).toEqual({ annotations: [mine] });
  });

  it("is refused when it names another page's key", async () => {
    const r = await h.ask(contentScript(HERE), { type: 'annotation.listForPage', pageKey: theirs.pageKey });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^refused: /) });
  });

  it("gets one of its own page's annotations", async () => {
    expect(await h.ok(contentScript(HERE), { type: 'annotation.get', id: mine.id })).toEqual({ annotation: mine });
  });

  it("cannot get an annotation of another page: it reads as missing", async () => {
    expect(await h.ok(contentScript(HERE), { type: 'annotation.get', id: theirs.id })).toEqual({ annotation: null });
  });

  it('cannot update an annotation of another page, which stays as it was', async () => {
    const r = await h.ask(contentScript(HERE), { type: 'annotation.update', id: theirs.id, patch: { note: 'defaced', color: 'blue' } });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^refused: /) });
    expect(await h.db.annotations.get(theirs.id)).toEqual(theirs);
    expect(h.notices).toEqual([]);
  });

  it('cannot delete an annotation of another page, which stays as it was', async () => {
    const r = await h.ask(contentScript(HERE), { type: 'annotation.delete', id: theirs.id });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^refused: /) });
    expect(await h.db.annotations.get(theirs.id)).toEqual(theirs);
    expect(h.notices).toEqual([]);
  });

  it("updates and deletes its own page's annotations", async () => {
    const updated = await h.ok(contentScript(HERE), { type: 'annotation.update', id: mine.id, patch: { note: 'edited' } });
    expect(updated.annotation).toMatchObject({ id: mine.id, note: 'edited' });
    expect(await h.ok(contentScript(HERE), { type: 'annotation.delete', id: mine.id })).toEqual({ deleted: true });
    expect(await h.db.annotations.get(mine.id)).toBeUndefined();
  });

  it('creates a highlight whose id, page key, url, site and times come from the sender, not the message', async () => {
    const created = await h.ok(contentScript(HERE), { type: 'annotation.create', draft: draft({ color: 'green', note: 'n', title: 'T' }) });
    const a = created.annotation as Annotation;
    expect(a).toEqual({
      id: uuid(1000),
      pageKey: HERE_KEY,
      url: HERE,
      site: 'example.com',
      title: 'T',
      selectors: draft().selectors,
      color: 'green',
      note: 'n',
      tags: [],
      created: FIXED_NOW.toISOString(),
      updated: FIXED_NOW.toISOString(),
    });
    expect(await h.db.annotations.get(a.id)).toEqual(a);
  });

  it.each([
    ['id', { id: uuid(2) }],
    ['pageKey', { pageKey: 'other.example/post' }],
    ['url', { url: ELSEWHERE }],
    ['site', { site: 'other.example' }],
    ['created', { created: '2000-01-01T00:00:00.000Z' }],
    ['tags', { tags: ['x'] }],
  ])('cannot slip %s into a new highlight: the message is refused and nothing is written', async (_, extra) => {
    const r = await h.ask(contentScript(HERE), { type: 'annotation.create', draft: { ...draft(), ...extra } });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^invalid message: draft/) });
    expect(await h.everything()).toEqual([mine, theirs]);
  });

  it.each([
    ['settings.set', { type: 'settings.set', patch: { claimsEnabled: false } }],
    ['import.write', { type: 'import.write', annotations: [sampleAnnotation({ id: uuid(9) })], mode: 'update' }],
    ['data.deleteAll', { type: 'data.deleteAll' }],
    ['annotation.save', { type: 'annotation.save', annotation: sampleAnnotation({ id: uuid(2), pageKey: 'other.example/post', url: 'https://other.example/post', note: 'defaced' }) }],
    ['annotation.reveal', { type: 'annotation.reveal', id: uuid(1) }],
    ['tab.enable', { type: 'tab.enable', tabId: 8 }],
    ['noteFrame.redeem', { type: 'noteFrame.redeem', token: 'token-000000000001' }],
    ['noteFrame.saveNote', { type: 'noteFrame.saveNote', note: 'x' }],
    // A page must not point sync at its own server, read the reader's backups or stop sync.
    ['sync.setup', { type: 'sync.setup', setup: { url: 'https://evil.example/dav/', user: 'u', password: 'p', passphrase: 'correct horse' } }],
    ['sync.now', { type: 'sync.now' }],
    ['sync.status', { type: 'sync.status' }],
    ['sync.disconnect', { type: 'sync.disconnect' }],
    ['sync.backups', { type: 'sync.backups' }],
    ['sync.readBackup', { type: 'sync.readBackup', name: '2026-12-05.0123456789abcdef.bak' }],
    ['sync.keptAside', { type: 'sync.keptAside' }],
    ['sync.dismissKept', { type: 'sync.dismissKept', key: 'x' }],
  ])('is refused %s, and nothing changes', async (type, message) => {
    const r = await h.ask(contentScript(HERE), message);
    expect(r).toEqual({ ok: false, error: `refused: ${type} is not for this sender` });
    expect(await h.everything()).toEqual([mine, theirs]);
    expect(await h.db.settings.count()).toBe(0);
    expect(h.notices).toEqual([]);
    expect(h.injected).toEqual([]);
    expect(h.revealed).toEqual([]);
  });

  it('reads the settings', async () => {
    expect(await h.ok(contentScript(HERE), { type: 'settings.get' })).toHaveProperty('settings');
  });
});

describe('handleMessage from a refused sender', () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness();
    await h.db.annotations.put(sampleAnnotation());
  });
  afterEach(() => h.close());

  const refused = [
    ['another extension', { id: 'someotherextensionidxxxxxxxxxxxx', url: 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html', tab: { id: 1 }, frameId: 0 }],
    ['a sub-frame', { id: EXTENSION_ID, url: 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html', tab: { id: 1 }, frameId: 5 }],
    ['a file: page', { id: EXTENSION_ID, url: 'file:///home/me/a.html', tab: { id: 1 }, frameId: 0 }],
  ] as const;
  const messages: unknown[] = [
    { type: 'annotation.listForPage' },
    { type: 'annotation.listForPage', pageKey: sampleAnnotation().pageKey },
    { type: 'annotation.get', id: sampleAnnotation().id },
    { type: 'annotation.create', draft: draft() },
    { type: 'annotation.update', id: sampleAnnotation().id, patch: { note: 'x' } },
    { type: 'annotation.delete', id: sampleAnnotation().id },
    { type: 'settings.get' },
    { type: 'data.deleteAll' },
    { type: 'noteFrame.open', grant: { mode: 'view', lang: 'en', id: sampleAnnotation().id } },
    { type: 'nonsense' },
    null,
  ];

  it.each(refused)('gets {ok:false} for every message from %s, and nothing changes', async (_, info) => {
    const sender = senderOf(info);
    expect(sender.kind).toBe('refused');
    for (const m of messages) {
      const r = await h.ask(sender, m);
      expect(r, JSON.stringify(m)).toEqual({ ok: false, error: expect.stringMatching(/^refused: /) });
    }
    expect(await h.everything()).toEqual([sampleAnnotation()]);
    expect(h.notices).toEqual([]);
  });
});
