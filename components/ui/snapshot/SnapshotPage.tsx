import { useEffect, useState } from 'preact/hooks';
import { readKeptCopy, type KeptCopy, type OrphanLine } from '@/components/factcheck/kept-copy';
import { snapshotStrings } from '@/components/vocabulary/snapshot-strings';
import type { Lang } from '@/components/vocabulary/strings';
import type { SourcemarkDB } from '@/storage/db/db';
import { annotationsForPage } from '@/storage/db/queries';
import { errorMessage } from '@/storage/model/error-message';
import { useLive } from '../popup/use-live';
import CopyDetails from './CopyDetails';
import KeptArticleView from './KeptArticleView';
import OrphanList from './OrphanList';

export type SnapshotPageProps = {
  db: SourcemarkDB;
  lang: Lang;
  /** The page key the address names (kept-copy.ts `pageParam`), or null when it names none. */
  pageKey: string | null;
};

/**
 * The reader's kept copy of one article: what it is and whether it is intact, its text with the
 * reader's highlights, claim marks and verdicts, and the annotations that found no place in it.
 * Read-only: the page reads the database and writes nothing. Live: a highlight or verdict made
 * on the article elsewhere redraws the copy.
 */
export default function SnapshotPage({ db, lang, pageKey }: SnapshotPageProps) {
  const t = snapshotStrings[lang];
  // The record live, its check (a hash: not a database call, so outside the live query) after.
  const record = useLive(async () => (pageKey === null ? undefined : db.snapshots.get(pageKey)), [pageKey]);
  const annotations = useLive(async () => (pageKey === null ? [] : annotationsForPage(db, pageKey)), [pageKey]);
  const [copy, setCopy] = useState<KeptCopy | null>(null);
  const [orphans, setOrphans] = useState<OrphanLine[]>([]);

  useEffect(() => {
    if (record.pending) return;
    let current = true;
    void readKeptCopy(record.value).then((c) => current && setCopy(c));
    return () => {
      current = false;
    };
  }, [record.value, record.pending]);

  const kept = copy?.state === 'kept' ? copy : null;
  useEffect(() => {
    document.title = kept ? `${t.pageTitle}: ${kept.snapshot.title}` : t.pageTitle;
  }, [kept, t]);

  const message = (text: string, kind = '') => (
    <>
      <h1>{t.pageTitle}</h1>
      <p class={`message ${kind}`}>{text}</p>
    </>
  );
  let content;
  if (pageKey === null) content = message(t.noPage);
  else if (record.error) content = message(t.failed(errorMessage(record.error)), 'error');
  else if (copy === null) content = message(t.loading, 'muted');
  else if (copy.state === 'unknown') content = message(t.unknown);
  else if (copy.state === 'damaged') content = message(t.damaged, 'error');
  else {
    const { snapshot, intact } = copy;
    content = (
      <>
        <CopyDetails lang={lang} snapshot={snapshot} intact={intact} />
        <KeptArticleView lang={lang} snapshot={snapshot} annotations={annotations.value ?? []} onOrphans={setOrphans} />
        {snapshot.statement && (
          <section class="statement" aria-labelledby="statement-head">
            <h2 id="statement-head">{t.statement}</h2>
            <p>{snapshot.statement}</p>
          </section>
        )}
        {annotations.error && <p class="message error">{t.failed(errorMessage(annotations.error))}</p>}
        <OrphanList lang={lang} orphans={orphans} />
      </>
    );
  }
  return (
    <main class="snapshot-page">
      <p class="kicker">{t.kicker}</p>
      {content}
    </main>
  );
}
