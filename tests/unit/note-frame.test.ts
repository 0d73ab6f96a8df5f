import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteGrants } from '@/entrypoints/background/note-grants';
import type { Annotation } from '@/storage/model/annotation';
import { sampleAnnotation } from '../support/sample-annotation';
import { contentScript, draft, FIXED_NOW, harness, noteFrame, popup, uuid, type Harness } from './background-harness';

/**
 * note.html is web-accessible, so any page can frame it; it may do only what a one-time token,
 * asked for by our content script on its own page and posted to the frame, granted.
 */

const HERE = 'https://example.com/articles/1';
const HERE_KEY = 'example.com/articles/1';
const TAB = 7;
const FRAME = 3;

let h: Harness;
let mine: Annotation;
let mineToo: Annotation;
let theirs: Annotation;

beforeEach(async () => {
  h = harness();
  mine = sampleAnnotation({ id: uuid(1), pageKey: HERE_KEY, url: HERE, site: 'example.com', note: 'mine', color: 'yellow' });
  mineToo = sampleAnnotation({ id: uuid(3), pageKey: HERE_KEY, url: HERE, site: 'example.com', note: 'mine too' });
  theirs = sampleAnnotation({ id: uuid(2), pageKey: 'other.example/post', url: 'https://other.example/post', site: 'other.example', note: 'theirs' });
  await h.db.annotations.bulkPut([mine, theirs, mineToo]);
});
afterEach(() => h.close());

async function open(grant: unknown, tabId = TAB): Promise<string> {
  const data = await h.ok(contentScript(HERE, tabId), { type: 'noteFrame.open', grant });
  return data.token as string;
}

const view = (id: string) => ({ mode: 'view', lang: 'en', id });
const fresh = () => ({ mode: 'new', lang: 'zh', selectors: draft().selectors, color: 'green', title: 'T' });

describe('noteFrame.open', () => {
  it("is refused to a content script for another page's annotation, and issues no token", async () => {
    const r = await h.ask(contentScript(HERE), { type: 'noteFrame.open', grant: view(theirs.id) });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^refused: /) });
    // The token that would have been the first one does not exist.
    expect(await h.ask(noteFrame(), { type: 'noteFrame.redeem', token: 'token-000000000001' })).toMatchObject({ ok: false });
  });

  it('is refused for an annotation that does not exist', async () => {
    expect(await h.ask(contentScript(HERE), { type: 'noteFrame.open', grant: view(uuid(99)) })).toMatchObject({ ok: false });
  });

  it('is refused to the popup and to a note frame', async () => {
    expect(await h.ask(popup(), { type: 'noteFrame.open', grant: view(mine.id) })).toMatchObject({ ok: false });
    expect(await h.ask(noteFrame(), { type: 'noteFrame.open', grant: view(mine.id) })).toMatchObject({ ok: false });
  });
});

describe('noteFrame.redeem', () => {
  it('shows the granted annotation to the frame that redeems the token', async () => {
    const token = await open(view(mine.id));
    expect(await h.ok(noteFrame(), { type: 'noteFrame.redeem', token })).toEqual({ mode: 'view', lang: 'en', annotation: mine, edit: false });
  });

  it('redeems a token once only', async () => {
    const token = await open(view(mine.id));
    expect((await h.ask(noteFrame(TAB, FRAME), { type: 'noteFrame.redeem', token })).ok).toBe(true);
    expect(await h.ask(noteFrame(TAB, FRAME + 1), { type: 'noteFrame.redeem', token })).toEqual({ ok: false, error: 'refused: this note panel has no valid token' });
    expect((await h.ask(noteFrame(TAB, FRAME), { type: 'noteFrame.redeem', token })).ok).toBe(false);
  });

  it('redeems only from the tab the token was issued to, and a wrong try burns it', async () => {
    const token = await open(view(mine.id));
    expect(await h.ask(noteFrame(TAB + 1, FRAME), { type: 'noteFrame.redeem', token })).toMatchObject({ ok: false });
    expect(await h.ask(noteFrame(TAB, FRAME), { type: 'noteFrame.redeem', token })).toMatchObject({ ok: false });
    // ... and the frame of the other tab got no session from its attempt.
    expect(await h.ask(noteFrame(TAB + 1, FRAME), { type: 'noteFrame.delete' })).toMatchObject({ ok: false });
    expect(await h.db.annotations.get(mine.id)).toEqual(mine);
  });

  it('refuses a token it never issued', async () => {
    await open(view(mine.id));
    expect(await h.ask(noteFrame(), { type: 'noteFrame.redeem', token: 'forged-token-000000000' })).toMatchObject({ ok: false });
  });
});

describe('a note frame without a redeemed token', () => {
  it.each([
    { type: 'noteFrame.saveNote', note: 'x' },
    { type: 'noteFrame.recolor', color: 'blue' },
    { type: 'noteFrame.delete' },
    { type: 'annotation.get', id: uuid(1) },
    { type: 'annotation.update', id: uuid(1), patch: { note: 'x' } },
    { type: 'annotation.delete', id: uuid(1) },
    { type: 'annotation.listForPage', pageKey: 'example.com/articles/1' },
    { type: 'annotation.create', draft: draft() },
    { type: 'settings.get' },
    { type: 'data.deleteAll' },
  ])('can do nothing: $type', async (message) => {
    // A token exists for this tab, but this frame never redeemed it.
    await open(view(uuid(1)));
    expect(await h.ask(noteFrame(), message)).toMatchObject({ ok: false });
    expect(await h.everything()).toEqual([mine, theirs, mineToo]);
    expect(h.notices).toEqual([]);
  });
});

describe("after redeeming a 'view' token", () => {
  beforeEach(async () => {
    const token = await open(view(mine.id));
    await h.ok(noteFrame(), { type: 'noteFrame.redeem', token });
  });

  it('recolours that annotation', async () => {
    const r = await h.ok(noteFrame(), { type: 'noteFrame.recolor', color: 'blue' });
    expect(r.annotation).toMatchObject({ id: mine.id, color: 'blue' });
    expect(await h.db.annotations.get(mine.id)).toMatchObject({ color: 'blue' });
  });

  it("edits that annotation's note", async () => {
    const r = await h.ok(noteFrame(), { type: 'noteFrame.saveNote', note: 'new words' });
    expect(r.annotation).toMatchObject({ id: mine.id, note: 'new words', updated: FIXED_NOW.toISOString() });
  });

  it('deletes that annotation', async () => {
    expect(await h.ok(noteFrame(), { type: 'noteFrame.delete' })).toEqual({ deleted: true });
    expect(await h.db.annotations.get(mine.id)).toBeUndefined();
  });

  it('touches no other annotation, not even of the same page', async () => {
    await h.ok(noteFrame(), { type: 'noteFrame.recolor', color: 'blue' });
    await h.ok(noteFrame(), { type: 'noteFrame.saveNote', note: 'x' });
    await h.ok(noteFrame(), { type: 'noteFrame.delete' });
    expect(await h.everything()).toEqual([theirs, mineToo]);
  });

  it('cannot use the annotation.* requests to reach other annotations', async () => {
    for (const m of [
      { type: 'annotation.update', id: mineToo.id, patch: { note: 'x' } },
      { type: 'annotation.delete', id: theirs.id },
      { type: 'annotation.get', id: theirs.id },
    ]) {
      expect(await h.ask(noteFrame(), m), m.type).toMatchObject({ ok: false });
    }
    expect(await h.everything()).toEqual([mine, theirs, mineToo]);
  });

  it("is no session for another frame of the same tab", async () => {
    expect(await h.ask(noteFrame(TAB, FRAME + 1), { type: 'noteFrame.delete' })).toMatchObject({ ok: false });
    expect(await h.db.annotations.get(mine.id)).toEqual(mine);
  });

  it('ends when its tab closes', async () => {
    h.grants.dropTab(TAB);
    expect(await h.ask(noteFrame(), { type: 'noteFrame.delete' })).toMatchObject({ ok: false });
    expect(await h.db.annotations.get(mine.id)).toEqual(mine);
  });
});

describe("a 'new' token", () => {
  let token: string;
  beforeEach(async () => {
    token = await open(fresh());
  });

  it('says it is new, in its language, and creates nothing yet', async () => {
    expect(await h.ok(noteFrame(), { type: 'noteFrame.redeem', token })).toEqual({
      mode: 'new',
      lang: 'zh',
      quote: draft().selectors.find((x) => x.type === 'TextQuoteSelector')!.exact,
      assessment: null,
    });
    expect(await h.db.annotations.count()).toBe(3);
  });

  it("creates exactly one annotation, on the grant's page, and then edits that one", async () => {
    await h.ok(noteFrame(), { type: 'noteFrame.redeem', token });
    const first = (await h.ok(noteFrame(), { type: 'noteFrame.saveNote', note: 'first' })).annotation as Annotation;
    expect(first).toMatchObject({ pageKey: HERE_KEY, url: HERE, site: 'example.com', color: 'green', title: 'T', note: 'first', selectors: draft().selectors });
    const second = (await h.ok(noteFrame(), { type: 'noteFrame.saveNote', note: 'second' })).annotation as Annotation;
    expect(second.id).toBe(first.id);
    expect(second.note).toBe('second');
    expect(await h.db.annotations.where('pageKey').equals(HERE_KEY).count()).toBe(3);
    expect(await h.ok(noteFrame(), { type: 'noteFrame.recolor', color: 'pink' })).toMatchObject({ annotation: { id: first.id, color: 'pink' } });
    expect(await h.ok(noteFrame(), { type: 'noteFrame.delete' })).toEqual({ deleted: true });
    expect(await h.everything()).toEqual([mine, theirs, mineToo]);
  });

  it('creates one annotation even when two saves arrive together (a double click)', async () => {
    await h.ok(noteFrame(), { type: 'noteFrame.redeem', token });
    const [a, b] = await Promise.all([
      h.ok(noteFrame(), { type: 'noteFrame.saveNote', note: 'one' }),
      h.ok(noteFrame(), { type: 'noteFrame.saveNote', note: 'two' }),
    ]);
    expect((a.annotation as Annotation).id).toBe((b.annotation as Annotation).id);
    const created = (await h.everything()).filter((x) => ![mine.id, theirs.id, mineToo.id].includes(x.id));
    expect(created).toHaveLength(1);
    expect(created[0]!.note).toBe('two');
  });

  it('has nothing to recolour or delete before its note is saved', async () => {
    await h.ok(noteFrame(), { type: 'noteFrame.redeem', token });
    expect(await h.ask(noteFrame(), { type: 'noteFrame.recolor', color: 'blue' })).toMatchObject({ ok: false });
    expect(await h.ask(noteFrame(), { type: 'noteFrame.delete' })).toMatchObject({ ok: false });
    expect(await h.db.annotations.count()).toBe(3);
  });
});

describe('token expiry', () => {
  it('refuses a token redeemed after it expired', async () => {
    const token = await open(view(mine.id));
    h.advance(30_000);
    expect(await h.ask(noteFrame(), { type: 'noteFrame.redeem', token })).toMatchObject({ ok: false });
  });

  it('accepts a token redeemed just before it expires', async () => {
    const token = await open(view(mine.id));
    h.advance(29_999);
    expect(await h.ask(noteFrame(), { type: 'noteFrame.redeem', token })).toMatchObject({ ok: true });
  });

  it('NoteGrants takes its clock from the caller', () => {
    let now = 0;
    const grants = new NoteGrants(() => now, () => 'a-token-of-sixteen-chars');
    const page = { pageKey: HERE_KEY, url: HERE };
    grants.issue(1, { mode: 'view', lang: 'en', id: uuid(1), page });
    now = 60_000;
    expect(grants.redeem('a-token-of-sixteen-chars', 1, 2)).toBeNull();
    grants.issue(1, { mode: 'view', lang: 'en', id: uuid(1), page });
    expect(grants.redeem('a-token-of-sixteen-chars', 1, 2)).toMatchObject({ annotationId: uuid(1) });
  });
});

describe('a verdict through the note frame', () => {
  const claimVerdict = { verdict: 'unchecked' as const, evidence: [], claim: { category: 'vague' as const } };

  it("creates a claim's assessment with the verdict, note and evidence the reader saved", async () => {
    const token = await open({ ...fresh(), assessment: claimVerdict });
    expect(await h.ok(noteFrame(), { type: 'noteFrame.redeem', token })).toMatchObject({ mode: 'new', assessment: claimVerdict });
    const assessment = { verdict: 'false' as const, evidence: ['https://www.piyao.org.cn/x.html'], claim: { category: 'vague' as const } };
    const saved = (await h.ok(noteFrame(), { type: 'noteFrame.saveNote', note: '官方已辟谣', assessment })).annotation as Annotation;
    expect(saved).toMatchObject({ pageKey: HERE_KEY, note: '官方已辟谣', assessment });
  });

  it('gives a plain highlight a verdict, tells the page it was assessed, and withdraws it with null', async () => {
    const token = await open(view(mine.id));
    await h.ok(noteFrame(), { type: 'noteFrame.redeem', token });
    h.notices.length = 0;
    const assessed = (await h.ok(noteFrame(), {
      type: 'noteFrame.saveNote',
      note: mine.note,
      assessment: { verdict: 'misleading', evidence: [] },
    })).annotation as Annotation;
    expect(assessed.assessment).toEqual({ verdict: 'misleading', evidence: [] });
    expect(h.notices.map((n) => n.notice)).toEqual([{ type: 'annotations.changed', pageKey: mine.pageKey, id: mine.id, change: 'assessed' }]);
    const withdrawn = (await h.ok(noteFrame(), { type: 'noteFrame.saveNote', note: mine.note, assessment: null })).annotation as Annotation;
    expect('assessment' in withdrawn).toBe(false);
    expect(await h.db.annotations.get(mine.id)).not.toHaveProperty('assessment');
  });

  it('refuses evidence that is not a web address, and stores nothing', async () => {
    const token = await open(view(mine.id));
    await h.ok(noteFrame(), { type: 'noteFrame.redeem', token });
    const r = await h.ask(noteFrame(), {
      type: 'noteFrame.saveNote',
      note: 'x',
      assessment: { verdict: 'false', evidence: ['javascript:alert(1)'] },
    });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/assessment\.evidence\.0/) });
    expect(await h.db.annotations.get(mine.id)).toEqual(mine);
  });

  it('opens straight in the editor when the content script asks for it', async () => {
    const token = await open({ ...view(mine.id), edit: true });
    expect(await h.ok(noteFrame(), { type: 'noteFrame.redeem', token })).toMatchObject({ mode: 'view', edit: true });
  });
});
