import type { Color } from '@/storage/model/annotation';

/** What the reader is looking for in "All annotations"; also the export scope "search result". */
export interface SearchState {
  query: string;
  colors: Color[];
  tag: string | null;
}

export const NO_SEARCH: SearchState = { query: '', colors: [], tag: null };

export function isSearching(s: SearchState): boolean {
  return s.query.trim() !== '' || s.colors.length > 0 || s.tag !== null;
}

/** A stable key for effects and component keys. */
export function searchKey(s: SearchState): string {
  return JSON.stringify([s.query.trim(), [...s.colors].sort(), s.tag]);
}
