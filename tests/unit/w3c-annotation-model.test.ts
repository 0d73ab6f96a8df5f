import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Selector } from '@/storage/model/annotation';
import { toJsonLd, type JsonLdCollection } from '@/storage/formats/jsonld';
import { Gen } from './formats-gen';
import { JsonTestSuite, WPT_ANNOTATION_MODEL, type AssertionResult, type JsonTest } from './wpt-jsontest';

/**
 * Our JSON-LD exports against the W3C Web Annotation Data Model's own conformance assertions:
 * the MUST tests of web-platform-tests/annotation-model (vendored, see the fixtures' README),
 * run as their `.test` files list them. Every exported annotation goes through
 * annotationMusts.test (annotation, body, target and specific-resource/selector MUSTs), and every
 * export document through collectionMusts.test and pageMusts.test.
 *
 * An annotation inside a page has no `@context` of its own: JSON-LD gives it the document's. The
 * suite's annotation tests take one standalone annotation, so each item is checked as the
 * annotation it denotes, `{ "@context": <the document's>, ...item }`.
 */

const GENERATED = new Date('2026-11-25T08:00:00.000Z');

let suite: JsonTestSuite;
let annotationMusts: JsonTest;
let collectionMusts: JsonTest;
let pageMusts: JsonTest;

beforeAll(() => {
  suite = new JsonTestSuite(WPT_ANNOTATION_MODEL);
  annotationMusts = suite.load('annotations/annotationMusts.test');
  collectionMusts = suite.load('collections/collectionMusts.test');
  pageMusts = suite.load('collections/pages/pageMusts.test');
});

const QUOTE: Selector = { type: 'TextQuoteSelector', exact: '据知情人士透露', prefix: '。', suffix: '，' };
const POSITION: Selector = { type: 'TextPositionSelector', start: 120, end: 127 };
const RANGE: Selector = { type: 'RangeSelector', startContainer: '/div[1]/p[3]', startOffset: 4, endContainer: '/div[1]/p[3]', endOffset: 11 };

function base(n: number, selectors: Selector[] = [QUOTE]): Annotation {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    pageKey: '163.com/article/JH5K2E6T0519QIKK',
    url: 'https://www.163.com/dy/article/JH5K2E6T0519QIKK.html',
    title: '网易号',
    site: '163.com',
    selectors,
    color: 'yellow',
    note: '',
    tags: [],
    created: '2026-11-20T09:00:00.000+08:00',
    updated: '2026-11-20T09:00:00.000+08:00',
  };
}

/** One of each kind the export writes, by name. */
const KINDS: [string, Annotation][] = [
  ['a plain highlight (no body)', base(1)],
  ['a note', { ...base(2), note: 'Who are the insiders?' }],
  ['tags only', { ...base(3), tags: ['来源不明', 'two words'] }],
  ['a note and tags', { ...base(4), note: 'n', tags: ['t'] }],
  [
    'an assessment with evidence, a note and tags',
    {
      ...base(5),
      note: 'n',
      tags: ['t'],
      assessment: { verdict: 'false', evidence: ['https://www.stats.gov.cn/sj/', 'https://zh.wikipedia.org/wiki/裁员'] },
    },
  ],
  ['an assessment alone', { ...base(6), assessment: { verdict: 'unchecked', evidence: [] } }],
  ['a claim assessment', { ...base(7), assessment: { verdict: 'needs-source', evidence: [], claim: { category: 'vague' } } }],
  [
    'a claim assessment with 20 evidence links',
    {
      ...base(8),
      assessment: {
        verdict: 'misleading',
        evidence: Array.from({ length: 20 }, (_, i) => `https://example.com/source/${i}?q=(a)`),
        claim: { category: 'statistic' },
      },
    },
  ],
  ['a TextQuoteSelector and a TextPositionSelector', base(9, [QUOTE, POSITION])],
  ['a converted RangeSelector', base(10, [RANGE, QUOTE])],
  ['all three selector kinds', base(11, [POSITION, RANGE, QUOTE])],
];

/** The generator's annotations, with evidence addresses as a browser's URL parser hands them to
 * us (see the test on raw whitespace below for why that matters). */
function generated(seed: number, count: number): Annotation[] {
  const gen = new Gen(seed);
  return Array.from({ length: count }, () => {
    const a = gen.annotation();
    if (!a.assessment) return a;
    return { ...a, assessment: { ...a.assessment, evidence: a.assessment.evidence.map((u) => new URL(u).href) } };
  });
}

const exportOf = (list: readonly Annotation[]): JsonLdCollection =>
  JSON.parse(JSON.stringify(toJsonLd(list, { generated: GENERATED }))) as JsonLdCollection;

/** Each item of a document as the standalone annotation it denotes. */
function standalone(doc: JsonLdCollection): Record<string, unknown>[] {
  return (doc.first?.items ?? []).map((item) => ({ '@context': doc['@context'], ...item }));
}

const notPassed = (results: AssertionResult[]): string[] =>
  results.filter((r) => r.outcome !== 'pass').map((r) => `${r.file} (${r.outcome}): ${r.errorMessage} ${r.errors}`);

describe('the vendored W3C suite', () => {
  it('lists 54 annotation, 10 collection and 15 page MUST assertions, all of type must', () => {
    expect(annotationMusts.files()).toHaveLength(54);
    expect(collectionMusts.files()).toHaveLength(10);
    expect(pageMusts.files()).toHaveLength(15);
    const all = [annotationMusts, collectionMusts, pageMusts].flatMap((t) => t.run({}));
    expect(new Set(all.map((r) => r.assertionType))).toEqual(new Set(['must']));
  });
});

describe('every exported annotation meets the annotation, body, target and selector MUSTs', () => {
  it.each(KINDS)('%s', (_name, a) => {
    const [item] = standalone(exportOf([a]));
    const results = annotationMusts.run(item);
    expect(results).toHaveLength(54);
    expect(notPassed(results)).toEqual([]);
  });

  it.each([1, 2, 3])('seed %i: 200 generated annotations', (seed) => {
    const list = generated(seed, 200);
    expect(list.some((a) => a.assessment?.claim)).toBe(true);
    expect(list.some((a) => a.selectors.some((s) => s.type === 'RangeSelector'))).toBe(true);
    const failures = standalone(exportOf(list)).flatMap((item, i) => notPassed(annotationMusts.run(item)).map((f) => `item ${i}: ${f}`));
    expect(failures).toEqual([]);
  });
});

describe('every export document meets the collection and page MUSTs', () => {
  it.each([
    ['one of each kind', KINDS.map(([, a]) => a)],
    ['200 generated annotations', generated(4, 200)],
  ])('%s', (_name, list) => {
    const doc = exportOf(list);
    expect(notPassed(collectionMusts.run(doc))).toEqual([]);
    expect(notPassed(pageMusts.run(doc))).toEqual([]);
  });

  it('an empty export meets the collection MUSTs (it has no page: total is 0)', () => {
    expect(notPassed(collectionMusts.run(exportOf([])))).toEqual([]);
  });
});

describe('the assertions are live: they refuse what the model forbids', () => {
  const item = (): Record<string, unknown> => standalone(exportOf([base(20, [QUOTE])]))[0]!;
  const failing = (content: unknown, test: () => JsonTest = () => annotationMusts): string[] =>
    test().run(content).filter((r) => r.outcome === 'fail').map((r) => r.file);

  it('refuses the Hypothesis-shaped RangeSelector our exports used to write', () => {
    const hypothesisRange = { type: 'RangeSelector', startContainer: '/p[3]', startOffset: 4, endContainer: '/p[3]', endOffset: 11 };
    const content = { ...item(), target: { source: 'https://example.com/', selector: [QUOTE, hypothesisRange] } };
    expect(failing(content)).toContain('annotations/specificResource/4.2.8-rangeSelectorValid.json');
  });

  it.each([
    ['a body without its value', { type: 'TextualBody', purpose: 'commenting' }, 'annotations/3.2-bodyObjectsRecognized.json'],
    [
      'evidence written as an External Web Resource with a purpose (hence SpecificResource)',
      { id: 'https://example.com/report', purpose: 'linking' },
      'annotations/bodiesTargets/3.3.5-bodyEWRNoPurpose.json',
    ],
    [
      'a SpecificResource that also has a value',
      { type: 'SpecificResource', source: 'https://example.com/', purpose: 'linking', value: 'x' },
      'annotations/bodiesTargets/4-bodySpecificResourceNoValue.json',
    ],
    [
      'an evidence address with raw whitespace (store URL.href instead)',
      { type: 'SpecificResource', source: 'https://example.com/a b', purpose: 'linking' },
      'annotations/3.2-bodyObjectsRecognized.json',
    ],
  ])('refuses %s', (_name, body, assertion) => {
    expect(failing({ ...item(), body: [body] })).toContain(assertion);
  });

  it('refuses an annotation without @context, and a collection that says it has items but embeds none', () => {
    const { '@context': _context, ...bare } = item();
    expect(failing(bare)).toContain('annotations/3.1-annotationContextValidated.json');
    const { first: _first, ...hollow } = exportOf([base(21)]);
    expect(failing(hollow, () => collectionMusts)).toContain('collections/5.1-collectionFirstValidated.json');
  });

  it('does not refuse a TextualBody without `type`: the model says it SHOULD have one, not MUST', () => {
    expect(failing({ ...item(), body: [{ value: 'a comment', purpose: 'commenting' }] })).toEqual([]);
  });
});
