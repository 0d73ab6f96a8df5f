import type { PageHead } from '@/components/listing/list-rows';
import { formatDate } from '@/components/vocabulary/strings';
import { useEnv } from './env';

export type PageHeadingProps = {
  page: PageHead;
  open: boolean;
  /** The id of the page's rendered list of annotations, if any of it is rendered. */
  controls?: string;
  /** Its row's key in the windowed list, for measuring its height. */
  rowKey: string;
  onToggle: (pageKey: string) => void;
};

/** A page's heading in the list (title, site, date, count): a button that opens or closes the page. */
export default function PageHeading({ page, open, controls, rowKey, onToggle }: PageHeadingProps) {
  const { t, lang } = useEnv();
  const title = page.title.trim() || page.url;
  return (
    <h3 class="group-head" data-row-key={rowKey}>
      <button type="button" class="group-toggle" aria-expanded={open} aria-controls={controls} onClick={() => onToggle(page.pageKey)}>
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
  );
}
