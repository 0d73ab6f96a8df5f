import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { annotationsForPage, type PageSummary } from '@/storage/db/queries';
import AnnotationItem from './AnnotationItem';
import { useEnv } from './env';
import { formatDate } from '@/components/vocabulary/strings';
import { useLive } from './use-live';

export type PageGroupProps = {
  page: Pick<PageSummary, 'pageKey' | 'title' | 'site' | 'url' | 'updated'> & { count?: number };
  /** Open from the start; otherwise the page's annotations load when the reader opens it. */
  initiallyOpen?: boolean;
  /** Given (search results): shown instead of loading the page's own list. */
  children?: ComponentChildren;
};

/** A page heading (title, site, date, count) with the page's annotations under it. */
export default function PageGroup({ page, initiallyOpen = false, children }: PageGroupProps) {
  const { t, lang } = useEnv();
  const [open, setOpen] = useState(initiallyOpen);
  const title = page.title.trim() || page.url;
  const listId = `list-${page.pageKey}`;
  return (
    <section class="group" data-page-key={page.pageKey}>
      <h3 class="group-head">
        <button type="button" class="group-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          <span class="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span class="group-title">{title}</span>
          <span class="group-meta">
            {[page.site, formatDate(lang, page.updated), page.count === undefined ? '' : t.pageCount(page.count)]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </button>
      </h3>
      {open ? (
        <ul class="items" id={listId}>
          {children ?? <PageItems pageKey={page.pageKey} />}
        </ul>
      ) : null}
    </section>
  );
}

function PageItems({ pageKey }: { pageKey: string }) {
  const { db, t } = useEnv();
  const list = useLive(() => annotationsForPage(db, pageKey), [db, pageKey]);
  if (!list.value) return <li class="muted">{t.loading}</li>;
  return (
    <>
      {list.value.map((a) => (
        <AnnotationItem key={a.id} annotation={a} />
      ))}
    </>
  );
}
