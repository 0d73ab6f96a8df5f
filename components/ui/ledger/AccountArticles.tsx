import { ledgerStrings, openedDate } from '@/components/vocabulary/ledger-strings';
import type { Lang } from '@/components/vocabulary/strings';
import { snapshotHref, type LedgerArticle } from './ledger-view';

export type AccountArticlesProps = {
  account: string;
  articles: readonly LedgerArticle[];
  lang: Lang;
};

/**
 * The articles of one account, latest opened first: the title linking to the article, when it
 * was opened, its unsourced claims, and the reader's snapshot when there is one. Titles and
 * addresses come from web pages: rendered as text, and linked only when http(s), without a
 * referrer (the ledger page's address tells a site nothing it should know).
 */
export default function AccountArticles({ account, articles, lang }: AccountArticlesProps) {
  const t = ledgerStrings[lang];
  return (
    <ul class="ledger-articles" aria-label={t.articlesOf(account)}>
      {articles.map((a) => {
        const title = a.title || a.href || t.untitled;
        return (
          <li key={a.pageKey} data-page-key={a.pageKey}>
            {a.href ? (
              <a class="article-title" href={a.href} target="_blank" rel="noreferrer">
                {title}
              </a>
            ) : (
              <span class="article-title">{title}</span>
            )}
            <span class="article-meta">
              <span>
                {t.opened} <time dateTime={a.opened}>{openedDate(a.opened, lang)}</time>
              </span>
              <span class="article-claims">{t.claims(a.claims)}</span>
              {a.snapshot ? (
                <a class="snapshot-link" href={snapshotHref(a.pageKey)} target="_blank" rel="noreferrer" aria-label={t.snapshotLabel(title)}>
                  {t.snapshot}
                </a>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
