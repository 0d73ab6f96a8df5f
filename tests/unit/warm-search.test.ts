import { describe, expect, it } from 'vitest';
import { warmSearch } from '@/components/listing/warm-search';
import { DigestLibrary, libraryOf } from '@/components/listing/digest-library';
import { LibraryIndex } from '@/components/listing/library-index';
import { buildDigest } from '@/storage/db/digest';
import { makeLibrary } from '../bench/popup-data';

const viewOf = (pages: number, perPage: number) => libraryOf(new DigestLibrary().read(buildDigest(makeLibrary(pages, perPage))));

describe('the search the popup warms up with', () => {
  it('runs a real search that finds rows, so the code the first keystroke needs has run', () => {
    expect(warmSearch(viewOf(40, 5))).toBeGreaterThan(0);
  });

  it('leaves what the popup’s own index finds unchanged', () => {
    const library = viewOf(40, 5);
    const index = new LibraryIndex(library.corpus);
    const query = { query: [...library.pages[0]!.title].slice(0, 3).join(''), colors: [], tag: null };
    const before = index.search(query).annotations.map((a) => a.id);
    warmSearch(library);
    expect(index.search(query).annotations.map((a) => a.id)).toEqual(before);
  });

  it('does nothing over an empty library', () => {
    expect(warmSearch(viewOf(0, 0))).toBe(0);
  });
});
