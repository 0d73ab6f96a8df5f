/**
 * Recognition on every seed page, as a unit: the verdict, the platform, the account and exactly
 * the statement elements seeds/pages.json expects. The e2e tests check the same in Chromium with
 * the built extension; this one says which part is wrong, fast.
 */
import { describe, expect, it } from 'vitest';
import { recognise } from '@/components/recognition/recognise';
import { findArticleBody, findArticleTop } from '@/components/recognition/page-parts';
import type { SeedPage } from '../e2e/harness';
import { parseSeed, readSeed, seedEntries } from '../support/seed-docs';

const pages = seedEntries<SeedPage>();
const load = (p: SeedPage) => parseSeed(readSeed(p.file));

describe.each(pages.map((p) => [p.file, p] as const))('recognising %s', (_file, seed) => {
  const doc = load(seed);
  const found = recognise(doc, seed.url);

  it(`says ${seed.kind === 'other' ? 'unknown' : seed.kind}${seed.platform ? ` on ${seed.platform}` : ''}`, () => {
    expect(found.kind).toBe(seed.kind === 'other' ? 'unknown' : seed.kind);
    expect(found.platform?.id ?? null).toBe(seed.platform);
    expect(found.page).toBe(seed.page);
  });

  if (seed.kind === 'self-media') {
    it(`names the account ${seed.account}, with a link when the page gives one`, () => {
      expect(found.account?.name).toBe(seed.account);
      if (found.account?.url) expect(found.account.url).toMatch(/^https:\/\//);
    });

    it('finds exactly the statement elements, and not the author’s own 声明', () => {
      const expected = seed.statementSelector ? Array.from(doc.querySelectorAll(seed.statementSelector)) : [];
      expect(expected.length > 0).toBe(seed.statement);
      expect(found.statements).toEqual(expected);
      const own = seed.authorStatementSelector ? doc.querySelector(seed.authorStatementSelector) : null;
      if (seed.authorStatementSelector) expect(own).not.toBeNull();
      for (const el of found.statements) expect(own && (el === own || el.contains(own) || own.contains(el))).toBeFalsy();
    });

    it('finds the article body and puts the banner above the title', () => {
      expect(findArticleBody(doc, found.platform)).toBe(doc.querySelector(seed.bodySelector));
      const top = findArticleTop(doc, found.platform);
      expect(top?.matches('h1, h2')).toBe(true);
      expect((top?.textContent ?? '').trim().length).toBeGreaterThan(4);
    });
  } else {
    it('marks nothing: no account, no statement', () => {
      expect(found.account).toBeNull();
      expect(found.statements).toEqual([]);
    });
  }
});
