import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Annotator, type ClaimRef } from '@/entrypoints/content/annotator/annotator';
import { markClaims, type ClaimMarks } from '@/components/marking/claim-marks';
import { FakeBackend, settle } from './annotator-fakes';

/**
 * A verdict on a claim mark is an annotation anchored on the claim's sentence; the claim mark
 * shows it (tint, icon and its name), and the annotation's own wrapper paints nothing.
 */

const ARTICLE =
  '<article><p>第一段交代背景。据知情人士透露，谈判将在下周继续进行。</p>\n' +
  '<p>第二段：<b>业内普遍认为</b>，这一政策将导致房价下跌三成。</p></article>';
const SENTENCES = ['据知情人士透露，谈判将在下周继续进行。', '业内普遍认为，这一政策将导致房价下跌三成。'];

let backend: FakeBackend;
let annotator: Annotator;
let claims: ClaimMarks;

/** A detector that flags the two sentences above, as the real one would. */
function detect(text: string) {
  return SENTENCES.map((s) => {
    const start = text.indexOf(s);
    return { start, end: start + s.length, category: 'vague' as const, cue: { start, end: start + 2 }, reason: { zh: '来源模糊', en: 'vague' } };
  });
}

function claim(index: number): ClaimRef {
  return { index, category: claims.views[index]!.category, elements: claims.elements(index) };
}

const attr = (index: number, name: string) => claims.elements(index).map((el) => el.getAttribute(name));

beforeEach(async () => {
  document.body.innerHTML = ARTICLE;
  claims = markClaims(document.querySelector('article')!, detect);
  backend = new FakeBackend('https://news.example.com/a/1.html');
  annotator = new Annotator(document, backend, {
    lang: 'en',
    defaultColor: 'yellow',
    url: () => 'https://news.example.com/a/1.html',
    noteFrameUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/note.html',
    noteFrameOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    openNoteFrame: async () => 'token-0123456789abcdef',
  });
  await annotator.load();
});

afterEach(() => {
  annotator.destroy();
  claims.remove();
});

describe('verdicts on claim marks', () => {
  it('saves the verdict as an annotation of the claim sentence, with the claim category', async () => {
    const saved = await annotator.assessClaim(claim(1), 'false');
    expect(saved?.assessment).toEqual({ verdict: 'false', evidence: [], claim: { category: 'vague' } });
    const quote = saved!.selectors.find((s) => s.type === 'TextQuoteSelector');
    expect(quote).toMatchObject({ exact: SENTENCES[1] });
  });

  it('shows the verdict on every element of that claim mark only, and names it on the last', async () => {
    await annotator.assessClaim(claim(1), 'false');
    expect(claims.elements(1).length).toBeGreaterThan(1);
    expect(attr(1, 'data-sourcemark-verdict').every((v) => v === 'false')).toBe(true);
    expect(attr(1, 'data-verdict-label').at(-1)).toBe('False');
    expect(attr(0, 'data-sourcemark-verdict').every((v) => v === null)).toBe(true);
    const own = document.querySelectorAll('[data-sourcemark="highlight"]');
    expect(own.length).toBeGreaterThan(0);
    expect([...own].every((el) => el.getAttribute('data-assesses') === 'claim')).toBe(true);
  });

  it('changes the same annotation when the reader picks another verdict', async () => {
    const first = await annotator.assessClaim(claim(0), 'false');
    const second = await annotator.assessClaim(claim(0), 'supported');
    expect(second?.id).toBe(first?.id);
    expect(backend.records.size).toBe(1);
    await annotator.onNotice({ type: 'annotations.changed', pageKey: first!.pageKey, id: first!.id, change: 'assessed' });
    expect(attr(0, 'data-sourcemark-verdict').every((v) => v === 'supported')).toBe(true);
    expect(annotator.verdicts.ofClaim(0)?.assessment?.verdict).toBe('supported');
  });

  it('makes one annotation of two verdicts chosen quickly on a claim not yet assessed, the second standing', async () => {
    const first = annotator.assessClaim(claim(1), 'supported');
    const second = annotator.assessClaim(claim(1), 'needs-source');
    const [a, b] = await Promise.all([first, second]);
    expect(b?.id).toBe(a?.id);
    expect(backend.calls.create).toBe(1);
    expect(backend.records.size).toBe(1);
    expect(backend.records.get(a!.id)?.assessment?.verdict).toBe('needs-source');
  });

  it('finds the claim again after a reload, from the words, and clears it when deleted', async () => {
    const saved = await annotator.assessClaim(claim(0), 'misleading');
    annotator.highlights.clear();
    expect(attr(0, 'data-sourcemark-verdict').every((v) => v === null)).toBe(true);
    await annotator.load();
    expect(attr(0, 'data-sourcemark-verdict').every((v) => v === 'misleading')).toBe(true);
    backend.records.delete(saved!.id);
    await annotator.onNotice({ type: 'annotations.changed', pageKey: saved!.pageKey, id: saved!.id, change: 'deleted' });
    await settle();
    expect(attr(0, 'data-sourcemark-verdict').every((v) => v === null)).toBe(true);
    expect(annotator.verdicts.ofClaim(0)).toBeNull();
  });

  it('shows the verdict on the passage itself when the claim is no longer marked there', async () => {
    const saved = await annotator.assessClaim(claim(1), 'needs-source');
    annotator.destroy();
    claims.remove();
    // The detector no longer flags the sentence: the assessment still shows, as a highlight.
    document.body.innerHTML = ARTICLE;
    claims = markClaims(document.querySelector('article')!, () => []);
    annotator = new Annotator(document, backend, {
      lang: 'zh',
      defaultColor: 'yellow',
      url: () => 'https://news.example.com/a/1.html',
      noteFrameUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/note.html',
      noteFrameOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
      openNoteFrame: async () => 'token-0123456789abcdef',
    });
    await annotator.load();
    const els = [...document.querySelectorAll(`[data-annotation-id="${saved!.id}"]`)];
    expect(els.length).toBeGreaterThan(0);
    expect(els.every((el) => el.getAttribute('data-sourcemark-verdict') === 'needs-source' && !el.hasAttribute('data-assesses'))).toBe(true);
    expect(els.at(-1)!.getAttribute('data-verdict-label')).toBe('需要来源');
  });
});
