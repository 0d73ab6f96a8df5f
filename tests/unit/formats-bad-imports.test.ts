import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportFile } from '@/storage/formats/import';
import type { ImportLimits, ImportResult } from '@/storage/formats/import-result';
import { fromJsonLd } from '@/storage/formats/jsonld';

/**
 * Hostile and broken import files. `whole: true` means the file is refused as a whole
 * (`ok: false`); `whole: false` means the file imports but the item is listed in `invalid`.
 * A file whose only items are invalid is refused whole, naming its first problem.
 */

const dir = resolve(__dirname, '../fixtures/bad-imports');
const read = (name: string): string => readFileSync(resolve(dir, name), 'utf8');

interface Case {
  file: string;
  expect: string;
  whole: boolean;
  limits?: Partial<ImportLimits>;
}

const CASES: Case[] = [
  { file: 'not-json.json', whole: true, expect: 'not JSON: expected a property name in double quotes but found "," at position 48 (line 1, column 49)' },
  { file: 'trailing-comma.json', whole: true, expect: 'not JSON: expected a value but found "]" at position 6' },
  { file: 'unterminated-string.json', whole: true, expect: 'not JSON: unterminated string (it starts here) at position 13' },
  { file: 'control-char-in-string.json', whole: true, expect: 'not JSON: unescaped control character in a string at position 10' },
  { file: 'empty.json', whole: true, expect: 'empty file' },
  { file: 'bom-only.json', whole: true, expect: 'empty file' },
  { file: 'array-of-numbers.json', whole: true, expect: 'top level is an array, expected an object' },
  { file: 'null.json', whole: true, expect: 'top level is null, expected an object' },
  { file: 'unrecognised.json', whole: true, expect: 'unrecognised file' },
  { file: 'wrong-context.json', whole: true, expect: '@context: expected "http://www.w3.org/ns/anno.jsonld", found "http://schema.org/"' },
  { file: 'wrong-type.json', whole: true, expect: 'type: expected "AnnotationCollection", found "Collection"' },
  { file: 'items-not-array.json', whole: true, expect: 'first.items: expected an array, found an object' },
  { file: 'total-mismatch.json', whole: true, expect: 'total: says 3 annotations but first.items has 1' },
  { file: 'multi-page.json', whole: true, expect: 'first.next: collections split over several pages are not supported' },
  { file: 'missing-exact.json', whole: true, expect: 'first.items[0].target.selector[0].exact: missing (expected string)' },
  { file: 'exact-number.json', whole: true, expect: 'first.items[0].target.selector[0].exact: expected string, received number' },
  { file: 'negative-start.json', whole: true, expect: 'first.items[0].target.selector[1].start: Too small: expected number to be >=0' },
  { file: 'end-before-start.json', whole: true, expect: 'first.items[0].target.selector[1]: end must not be before start' },
  { file: 'unknown-selector.json', whole: true, expect: 'first.items[0].target.selector[0].type: unknown selector type "CssSelector"' },
  { file: 'no-quote-selector.json', whole: true, expect: 'first.items[0].target.selector: needs a TextQuoteSelector' },
  { file: 'bad-uuid.json', whole: true, expect: 'first.items[0].id: Invalid UUID' },
  { file: 'id-not-urn.json', whole: true, expect: 'first.items[0].id: expected "urn:uuid:<uuid>"' },
  { file: 'bad-date.json', whole: true, expect: 'first.items[0].created: Invalid ISO datetime' },
  { file: 'unknown-color.json', whole: true, expect: 'first.items[0].sourcemark.color: Invalid option: expected one of "yellow"' },
  { file: 'unknown-body-purpose.json', whole: true, expect: 'first.items[0].body[0].purpose: expected "commenting", "tagging" or "assessing", found "describing"' },
  { file: 'note-too-long.json', whole: true, expect: 'first.items[0].body[0].value: Too big: expected string to have <=100000 characters' },
  { file: 'proto-key.json', whole: true, expect: 'first.items[0].__proto__: forbidden key "__proto__"' },
  { file: 'constructor-nested.json', whole: true, expect: 'first.items[0].target.selector[0].constructor: forbidden key "constructor"' },
  { file: 'prototype-key-hypothesis.json', whole: true, expect: 'rows[0].document.prototype: forbidden key "prototype"' },
  { file: 'tags-not-array-hypothesis.json', whole: true, expect: 'rows[0].tags: expected array, received string' },
  { file: 'rows-not-array-hypothesis.json', whole: true, expect: 'rows: expected an array, found an object' },
  // The real limit is 50 MB; a small one exercises the same check without a 50 MB fixture.
  { file: 'too-large.json', whole: true, limits: { maxBytes: 200 }, expect: 'file too large: 1.1 kB (the limit is 200 bytes)' },
  { file: 'too-many-items.json', whole: true, limits: { maxItems: 2 }, expect: 'first.items: too many items (3; the limit is 2)' },
  { file: 'deep-nesting.json', whole: true, expect: 'not JSON: nested too deeply (more than 32 levels) at position 32' },
  { file: 'duplicate-ids.json', whole: false, expect: 'first.items[1].id: duplicate id 0b4f6f0e-2a53-4c1e-9b1a-3f8c2d7e9a10 (first used at first.items[0])' },
  { file: 'one-bad-item.json', whole: false, expect: 'first.items[1].target.selector[0].exact: expected string, received number' },
];

/** Every problem a result reports, as the UI would show it. */
function problems(r: ImportResult): string[] {
  return r.ok ? r.invalid.map((i) => `${i.path}: ${i.message}`) : [r.error];
}

const protoNames = (o: object): string[] => Object.getOwnPropertyNames(o).sort();
let before: { object: string[]; array: string[]; fn: string[] };

beforeAll(() => {
  before = {
    object: protoNames(Object.prototype),
    array: protoNames(Array.prototype),
    fn: protoNames(Function.prototype),
  };
});

function expectNoPollution(): void {
  expect(protoNames(Object.prototype)).toEqual(before.object);
  expect(protoNames(Array.prototype)).toEqual(before.array);
  expect(protoNames(Function.prototype)).toEqual(before.fn);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.constructor).toBe(Object);
}

afterAll(expectNoPollution);

describe('bad import files', () => {
  it('the table covers every file in the folder (bom-valid.json is the good one)', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'bom-valid.json');
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)('$file', ({ file, expect: message, whole, limits }) => {
    const r = parseImportFile(read(file), limits ? { limits } : undefined);
    expect(r.ok).toBe(!whole);
    const found = problems(r);
    expect(found.some((p) => p.includes(message)), `expected "${message}" in ${JSON.stringify(found)}`).toBe(true);
    if (r.ok) {
      // The bad item is left out; the good one stays.
      expect(r.invalid).toHaveLength(1);
      expect(r.annotations).toHaveLength(1);
      expect(r.invalid[0]!.index).toBe(1);
    }
    expectNoPollution();
  });

  it('a million-deep nesting gives a clear error, not a stack overflow', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(parseImportFile(deep)).toEqual({
      ok: false,
      error: 'not JSON: nested too deeply (more than 32 levels) at position 32 (line 1, column 33)',
    });
    const deepObject = '{"a":'.repeat(1_000_000) + '1' + '}'.repeat(1_000_000);
    const r = parseImportFile(deepObject);
    expect(!r.ok && r.error).toMatch(/nested too deeply/);
  });

  it('a deep or cyclic value passed in by code is refused too (no recursion in the walk)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(fromJsonLd(deep)).toEqual({ ok: false, error: expect.stringContaining('nested too deeply') });
    const cyclic: Record<string, unknown> = { '@context': 'http://www.w3.org/ns/anno.jsonld' };
    cyclic.self = cyclic;
    expect(fromJsonLd(cyclic)).toEqual({ ok: false, error: expect.stringContaining('self.self.self') });
  });

  it('a file over the byte limit is refused before it is parsed', () => {
    // Unparseable beyond the limit: if it were parsed, the error would be a syntax error.
    const text = '{' + ' '.repeat(300) + 'garbage';
    expect(parseImportFile(text, { limits: { maxBytes: 200 } })).toEqual({
      ok: false,
      error: 'file too large: 308 bytes (the limit is 200 bytes)',
    });
    // UTF-8 size counts, not UTF-16 length: 100 Chinese characters are 300 bytes.
    expect(parseImportFile(`"${'长'.repeat(100)}"`, { limits: { maxBytes: 250 } })).toMatchObject({ ok: false });
  });

  it('accepts a valid file with a UTF-8 BOM', () => {
    const r = parseImportFile(read('bom-valid.json'));
    expect(r).toMatchObject({ ok: true, format: 'sourcemark-jsonld', invalid: [] });
    expect(r.ok && r.annotations[0]).toMatchObject({ note: 'a note', tags: ['tag'], color: 'yellow' });
  });

  it('forbidden keys are refused even when passed already parsed', () => {
    const value = JSON.parse(read('proto-key.json')) as unknown;
    expect(fromJsonLd(value)).toEqual({
      ok: false,
      error: 'first.items[0].__proto__: forbidden key "__proto__"',
    });
  });
});
