import type { ArticleOpened } from '@/components/factcheck/ledger';

/**
 * One article in the account ledger: its latest opening (reopening updates it, so an article
 * counts once), with the address and title the ledger page links to. Only accounts' articles are
 * kept: a page that names no account joins no ledger.
 */
export interface LedgerRow extends ArticleOpened {
  account: string;
  url: string;
  title: string;
}
