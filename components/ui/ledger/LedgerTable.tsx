import { useState } from 'preact/hooks';
import { PLATFORMS } from '@/components/recognition/platforms';
import { CATEGORY_NAMES, CLAIM_CATEGORIES } from '@/components/vocabulary/categories';
import { ledgerStrings, openedDate } from '@/components/vocabulary/ledger-strings';
import type { PlatformId } from '@/components/vocabulary/page-kinds';
import type { Lang } from '@/components/vocabulary/strings';
import { VERDICT_ICONS, VERDICT_NAMES, VERDICTS } from '@/components/vocabulary/verdicts';
import AccountArticles from './AccountArticles';
import { DEFAULT_SORT, LEDGER_COLUMNS, nextSort, sortAccounts, type LedgerSort } from './ledger-sort';
import type { LedgerAccount } from './ledger-view';
import SortHeader from './SortHeader';

export type LedgerTableProps = {
  accounts: readonly LedgerAccount[];
  lang: Lang;
};

function platformName(id: PlatformId | null, lang: Lang): string {
  return (id && PLATFORMS.find((p) => p.id === id)?.names.product[lang]) ?? '—';
}

const rate = (r: number | null): string => (r === null ? '—' : r.toFixed(1));

/**
 * The accounts, one row each, sorted by whichever column header the reader picked (most articles
 * first until then); each account's name is a disclosure button that shows its articles in the
 * row below. What is open stays open when the data changes or the order does.
 */
export default function LedgerTable({ accounts, lang }: LedgerTableProps) {
  const t = ledgerStrings[lang];
  const [sort, setSort] = useState<LedgerSort>(DEFAULT_SORT);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const onSort = (column: LedgerSort['column']) => setSort((s) => nextSort(s, column));
  const toggle = (key: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const head = { sort, onSort };
  return (
    <table class="ledger-table">
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          <SortHeader column="platform" rowSpan={2} {...head}>
            {t.platform}
          </SortHeader>
          <SortHeader column="account" rowSpan={2} {...head}>
            {t.account}
          </SortHeader>
          <SortHeader column="articles" rowSpan={2} {...head}>
            {t.articles}
          </SortHeader>
          <th scope="colgroup" colSpan={1 + CLAIM_CATEGORIES.length}>
            {t.ratesGroup}
          </th>
          <th scope="colgroup" colSpan={VERDICTS.length}>
            {t.verdictsGroup}
          </th>
          <SortHeader column="lastOpened" rowSpan={2} {...head}>
            {t.lastOpened}
          </SortHeader>
        </tr>
        <tr>
          <SortHeader column="rate" {...head}>
            {t.rateAll}
          </SortHeader>
          {CLAIM_CATEGORIES.map((c) => (
            <SortHeader key={c} column={`rate:${c}`} {...head}>
              {CATEGORY_NAMES[lang][c]}
            </SortHeader>
          ))}
          {VERDICTS.map((v) => (
            <SortHeader key={v} column={`verdict:${v}`} {...head}>
              <span class="verdict-head">
                <span aria-hidden="true">{VERDICT_ICONS[v]} </span>
                {VERDICT_NAMES[lang][v]}
              </span>
            </SortHeader>
          ))}
        </tr>
      </thead>
      {sortAccounts(accounts, sort).map((a, i) => {
        const s = a.summary;
        const expanded = open.has(a.key);
        const id = `ledger-articles-${i}`;
        return (
          // One body per account: its row and, when open, the row of its articles.
          <tbody key={a.key} class="ledger-account" data-account={s.account} data-platform={s.platform ?? ''}>
            <tr>
              <td>{platformName(s.platform, lang)}</td>
              <th scope="row">
                <button
                  type="button"
                  class="disclosure"
                  aria-expanded={expanded}
                  aria-controls={expanded ? id : undefined}
                  title={t.showArticles(s.account, s.articles)}
                  onClick={() => toggle(a.key)}
                >
                  <span class="disclosure-icon" aria-hidden="true">
                    {expanded ? '▾' : '▸'}
                  </span>
                  {s.account}
                </button>
              </th>
              <td class="num" data-column="articles">{s.articles}</td>
              <td class="num" data-column="rate">{rate(s.rate)}</td>
              {CLAIM_CATEGORIES.map((c) => (
                <td key={c} class="num" data-column={`rate:${c}`}>
                  {rate(s.rateByCategory[c])}
                </td>
              ))}
              {VERDICTS.map((v) => (
                <td key={v} class="num" data-column={`verdict:${v}`}>
                  {s.verdicts[v]}
                </td>
              ))}
              <td data-column="lastOpened">
                <time dateTime={s.lastOpened}>{openedDate(s.lastOpened, lang)}</time>
              </td>
            </tr>
            {expanded ? (
              <tr id={id} class="articles-row">
                <td colSpan={LEDGER_COLUMNS.length}>
                  <AccountArticles account={s.account} articles={a.articles} lang={lang} />
                </td>
              </tr>
            ) : null}
          </tbody>
        );
      })}
    </table>
  );
}
