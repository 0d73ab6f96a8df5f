import { useMemo, useState } from 'preact/hooks';
import type { Annotation } from '@/storage/model/annotation';
import { pagesNewestFirst, readAll, searchIn } from '@/storage/db/queries';
import AnnotationItem from './AnnotationItem';
import EmptyState from './EmptyState';
import { useEnv } from './env';
import FilterBar from './FilterBar';
import PageGroup from './PageGroup';
import SearchBox from './SearchBox';
import { isSearching, searchKey, type SearchState } from './search-state';
import { useDebounced, useLive, type Live } from './use-live';
import { errorMessage } from '@/storage/model/error-message';

export type AllAnnotationsProps = {
  search: SearchState;
  onSearch: (next: SearchState) => void;
  onOpenSettings: () => void;
};

const PAGE_STEP = 50;
const RESULT_STEP = 100;
const DEBOUNCE_MS = 150;

/** Every annotation grouped by page, newest first, with search and filters. */
export default function AllAnnotations({ search, onSearch, onOpenSettings }: AllAnnotationsProps) {
  const { db } = useEnv();
  const settled = useDebounced(search, DEBOUNCE_MS);
  // While a search is open the whole table is held in memory, read from the first keystroke on
  // (so reading overlaps the debounce) and again only when the table changes, here or in any
  // other context: each keystroke then filters in memory instead of reading 10,000 records.
  const searching = isSearching(search);
  const all = useLive((signal) => (searching ? readAll(db, signal) : Promise.resolve(null)), [db, searching]);
  return (
    <div class="all">
      <div class="search-bar">
        <SearchBox value={search.query} onInput={(query) => onSearch({ ...search, query })} />
        <FilterBar colors={search.colors} tag={search.tag} onChange={(f) => onSearch({ ...search, ...f })} />
      </div>
      {isSearching(settled) ? (
        <SearchResults search={settled} all={all} />
      ) : (
        <PageList onOpenSettings={onOpenSettings} />
      )}
    </div>
  );
}

/** Pages a screenful at a time: rendering 1,000 page headings would make opening slow. */
function PageList({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { db, t } = useEnv();
  const [limit, setLimit] = useState(PAGE_STEP);
  const list = useLive(() => pagesNewestFirst(db, { offset: 0, limit }), [db, limit]);
  if (list.error) return <p class="error">{t.failed(errorMessage(list.error))}</p>;
  if (!list.value) return <p class="muted">{t.loading}</p>;
  if (list.value.pages.length === 0) return <EmptyState onOpenSettings={onOpenSettings} />;
  return (
    <div class="pages">
      {list.value.pages.map((p) => (
        <PageGroup key={p.pageKey} page={p} />
      ))}
      {list.value.more ? (
        <button type="button" class="more" disabled={list.pending} onClick={() => setLimit(limit + PAGE_STEP)}>
          {t.more}
        </button>
      ) : null}
    </div>
  );
}

function groupByPage(list: readonly Annotation[]): { first: Annotation; items: Annotation[] }[] {
  const groups = new Map<string, { first: Annotation; items: Annotation[] }>();
  for (const a of list) {
    const g = groups.get(a.pageKey);
    if (g) g.items.push(a);
    else groups.set(a.pageKey, { first: a, items: [a] });
  }
  return [...groups.values()];
}

function SearchResults({ search, all }: { search: SearchState; all: Live<Annotation[] | null> }) {
  const { t } = useEnv();
  // Not keyed by the search: the previous results stay up while the next ones are found. "More"
  // belongs to one search, so it resets when the search changes.
  const key = searchKey(search);
  const [more, setMore] = useState({ key, limit: RESULT_STEP });
  const limit = more.key === key ? more.limit : RESULT_STEP;
  const setLimit = (n: number) => setMore({ key, limit: n });
  const { query, colors, tag } = search;
  const found = useMemo(
    () => (all.value ? searchIn(all.value, query, { colors, tag: tag ?? undefined, limit }) : undefined),
    [all.value, query, colors.join(), tag, limit],
  );
  const groups = useMemo(() => groupByPage(found?.annotations ?? []), [found]);
  if (all.error) return <p class="error">{t.failed(errorMessage(all.error))}</p>;
  if (!found) return <p class="muted" role="status">{t.searching}</p>;
  const { annotations, total } = found;
  return (
    <div class="results" aria-busy={all.pending}>
      <p class="muted" role="status">
        {total === 0 ? t.noResults : t.results(annotations.length, total)}
      </p>
      {groups.map(({ first, items }) => (
        <PageGroup key={first.pageKey} page={first} initiallyOpen>
          {items.map((a) => (
            <AnnotationItem key={a.id} annotation={a} />
          ))}
        </PageGroup>
      ))}
      {annotations.length < total ? (
        <button type="button" class="more" onClick={() => setLimit(limit + RESULT_STEP)}>
          {t.more}
        </button>
      ) : null}
    </div>
  );
}
