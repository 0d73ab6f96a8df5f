import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseImportFile } from '@/storage/formats/import';
import { toJsonLd } from '@/storage/formats/jsonld';
import { sampleAnnotation } from '../support/sample-annotation';
import { harness, popup, uuid, type Harness } from './background-harness';

/**
 * "Open and go to" opens an annotation's `url`, so a file must not be able to store one a click
 * would run: an item whose address is not http(s) is reported invalid where it is in the file,
 * and the rest of the file still imports.
 */

const good = sampleAnnotation({ id: uuid(1) });
const bad = sampleAnnotation({ id: uuid(2), url: 'https://example.com/x', pageKey: 'example.com/x', site: 'example.com' });

function jsonLdWith(source: string): string {
  const doc = toJsonLd([good, bad], { generated: new Date('2026-01-01T00:00:00Z') });
  doc.first!.items[1]!.target.source = source;
  return JSON.stringify(doc);
}

function hypothesisWith(uri: string): string {
  const row = (id: string, u: string) => ({
    id,
    uri: u,
    created: '2026-01-01T00:00:00Z',
    updated: '2026-01-01T00:00:00Z',
    text: '',
    tags: [],
    target: [{ source: u, selector: [{ type: 'TextQuoteSelector', exact: 'quoted' }] }],
  });
  return JSON.stringify({ total: 2, rows: [row('hyp-1', 'https://example.com/ok'), row('hyp-2', uri)] });
}

describe('import of a non-web URL', () => {
  it.each(['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>1</script>', 'chrome://settings', 'file:///etc/passwd'])(
    'reports a Sourcemark JSON-LD item with target.source %s invalid, with its path and why, and imports the rest',
    (source) => {
      const r = parseImportFile(jsonLdWith(source));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.annotations).toEqual([good]);
      expect(r.invalid).toEqual([{ index: 1, path: 'first.items[1].target.source', message: 'must be an http: or https: address' }]);
    },
  );

  it('reports a Hypothesis row with a javascript: uri invalid, with its path and why, and imports the rest', () => {
    const r = parseImportFile(hypothesisWith('javascript:alert(1)'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.annotations.map((a) => a.url)).toEqual(['https://example.com/ok']);
    expect(r.invalid).toEqual([{ index: 1, path: 'rows[1].uri', message: 'must be an http: or https: address' }]);
  });

  describe('through the background', () => {
    let h: Harness;
    beforeEach(() => {
      h = harness();
    });
    afterEach(() => h.close());

    it('writes the valid items of such a file', async () => {
      const r = parseImportFile(jsonLdWith('javascript:alert(1)'));
      if (!r.ok) expect.fail(r.error);
      expect(await h.ok(popup(), { type: 'import.write', annotations: r.annotations, mode: 'skip' })).toEqual({ added: 1, updated: 0, unchanged: 0 });
      expect(await h.everything()).toEqual([good]);
    });

    it('refuses an import message that carries a javascript: URL anyway, naming where, and writes nothing', async () => {
      const r = await h.ask(popup(), { type: 'import.write', annotations: [good, { ...bad, url: 'javascript:alert(1)' }], mode: 'skip' });
      expect(r).toEqual({ ok: false, error: 'invalid message: annotations.1.url: must be an http: or https: address' });
      expect(await h.db.annotations.count()).toBe(0);
      expect(h.notices).toEqual([]);
    });
  });
});
