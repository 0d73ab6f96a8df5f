import { useEffect, useMemo, useState } from 'preact/hooks';
import { pageRows, resultRows } from '@/components/listing/list-rows';
import { errorMessage } from '@/storage/model/error-message';
import EmptyState from './EmptyState';
import { useEnv } from './env';
import FilterBar from './FilterBar';
import SearchBox from './SearchBox';
import { isSearching, searchKey, type SearchState } from './search-state';
import { useLibrary } from './use-library';
import WindowedList from './WindowedList';

export type AllAnnotationsProps = {
  search: SearchState;
  onSearch: (next: SearchState) => void;
  onOpenSettings: () => void;
};

/**
 * Every annotation grouped by page, newest first, with search and filters. The first screen
 * comes from a small first query; then the whole library is read once and kept current, and
 * each keystroke filters its index in memory, with no debounce: a search takes a millisecond or
 * two. Long lists render only the rows in view (WindowedList).
 */
export default function AllAnnotations({ search, onSearch, onOpenSettings }: AllAnnotationsProps) {
  const { db, t } = useEnv();
  const searching = isSearching(search);
  const lib = useLibrary(db);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  // A page whose last annotation went is forgotten as open: if it comes back (undo), it comes
  // back closed, as a page new to the list does.
  useEffect(() => {
    const byPage = lib.library?.byPage;
    if (byPage && [...open].some((k) => !byPage.has(k))) setOpen(new Set([...open].filter((k) => byPage.has(k))));
  }, [lib.library]);
  const key = searchKey(search);
  // Pages the reader closed in these results; a new search opens them all again.
  const [closed, setClosed] = useState({ key, pages: new Set<string>() as ReadonlySet<string> });
  const closedNow = useMemo(() => (closed.key === key ? closed.pages : new Set<string>()), [closed, key]);

  const index = searching ? lib.index() : null;
  const { query, colors, tag } = search;
  const found = useMemo(() => index?.search({ query, colors, tag }), [index, key]);
  const rows = useMemo(
    () =>
      found
        ? resultRows(found.annotations, closedNow)
        : pageRows(lib.library?.pages ?? lib.first?.pages ?? [], lib.library?.byPage ?? null, open),
    [found, closedNow, lib.library, lib.first, open],
  );

  const toggle = (set: ReadonlySet<string>, pageKey: string): Set<string> => {
    const next = new Set(set);
    if (next.has(pageKey)) next.delete(pageKey);
    else next.add(pageKey);
    return next;
  };

  let body;
  if (lib.error) body = <p class="error">{t.failed(errorMessage(lib.error))}</p>;
  else if (searching) {
    body = (
      <div class="results" data-query={query} aria-busy={!found}>
        <p class="muted" role="status">
          {!found ? t.searching : found.total === 0 ? t.noResults : t.results(found.total, found.total)}
        </p>
        {found && rows.length > 0 ? (
          <WindowedList rows={rows} onToggle={(pageKey) => setClosed({ key, pages: toggle(closedNow, pageKey) })} />
        ) : null}
      </div>
    );
  } else if (!lib.library && !lib.first) body = <p class="muted">{t.loading}</p>;
  else if (rows.length === 0) body = <EmptyState onOpenSettings={onOpenSettings} />;
  else {
    body = (
      <div class="pages">
        <WindowedList rows={rows} onToggle={(pageKey) => setOpen(toggle(open, pageKey))} />
      </div>
    );
  }

  return (
    <div class="all">
      <div class="search-bar">
        <SearchBox value={search.query} onInput={(q) => onSearch({ ...search, query: q })} />
        <FilterBar colors={search.colors} tag={search.tag} onChange={(f) => onSearch({ ...search, ...f })} />
      </div>
      {body}
    </div>
  );
}
