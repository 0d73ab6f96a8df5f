import { useState } from 'preact/hooks';
import type { Annotation } from '@/storage/model/annotation';
import type { ExportKind } from '@/storage/formats/filename';
import { annotationsForPage, search as searchAnnotations } from '@/storage/db/queries';
import { useEnv } from './env';
import { downloadExport, readAll, snapshotsFor } from '@/storage/formats/export-file';
import { isSearching, type SearchState } from './search-state';
import { errorMessage } from '@/storage/model/error-message';

export type ExportScope = 'all' | 'page' | 'search';

export type ExportMenuProps = {
  /** The active tab's page, when Sourcemark runs there. */
  page?: { pageKey: string; title: string } | null;
  /** The current search, when one is active. */
  search?: SearchState | null;
  /** Scopes to offer; the options page offers only 'all'. */
  scopes?: readonly ExportScope[];
  /** Start open (the options page), instead of as a collapsed "Export" section. */
  open?: boolean;
  /** The section's title; "Export" when not given. */
  title?: string;
};

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

/** Scope × format, then a dated file through the downloads API, with progress while reading. */
export default function ExportMenu({ page, search, scopes = ['all', 'page', 'search'], open = false, title }: ExportMenuProps) {
  const { db, t } = useEnv();
  const offered = scopes.filter(
    (s) => s === 'all' || (s === 'page' && !!page) || (s === 'search' && !!search && isSearching(search)),
  );
  const [scope, setScope] = useState<ExportScope>('all');
  const [kind, setKind] = useState<ExportKind>('jsonld');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const current = offered.includes(scope) ? scope : 'all';

  const run = async () => {
    setPhase({ kind: 'running', done: 0, total: 0 });
    const progress = (done: number, total: number) => setPhase({ kind: 'running', done, total });
    try {
      let list: Annotation[];
      let name: string | undefined;
      if (current === 'page' && page) {
        list = await annotationsForPage(db, page.pageKey);
        name = page.title || page.pageKey;
      } else if (current === 'search' && search) {
        const r = await searchAnnotations(db, search.query, {
          colors: search.colors,
          tag: search.tag ?? undefined,
          limit: Number.POSITIVE_INFINITY,
        });
        list = r.annotations;
        name = search.query.trim() || search.tag || 'search';
      } else {
        list = await readAll(db, progress);
      }
      if (list.length === 0) {
        setPhase({ kind: 'error', message: t.exportEmpty });
        return;
      }
      const file = await downloadExport(list, kind, name, new Date(), await snapshotsFor(db, current === 'all' ? 'all' : list));
      setPhase({ kind: 'done', message: t.exported(list.length, file) });
    } catch (err) {
      setPhase({ kind: 'error', message: t.exportFailed(errorMessage(err)) });
    }
  };

  const formats: [ExportKind, string][] = [
    ['jsonld', t.formatJsonLd],
    ['md', t.formatMd],
    ['csv', t.formatCsv],
  ];
  const scopeLabel: Record<ExportScope, string> = { all: t.scopeAll, page: t.scopePage, search: t.scopeSearch };
  return (
    <details class="export" open={open}>
      <summary>{title ?? t.exportTitle}</summary>
      <div class="export-body">
        {offered.length > 1 ? (
          <fieldset>
            <legend>{t.exportScope}</legend>
            {offered.map((s) => (
              <label key={s}>
                <input type="radio" name="export-scope" checked={current === s} onChange={() => setScope(s)} />
                {scopeLabel[s]}
              </label>
            ))}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{t.exportFormat}</legend>
          {formats.map(([k, label]) => (
            <label key={k}>
              <input type="radio" name="export-format" checked={kind === k} onChange={() => setKind(k)} />
              {label}
            </label>
          ))}
        </fieldset>
        <button type="button" class="primary" disabled={phase.kind === 'running'} onClick={() => void run()}>
          {t.exportButton}
        </button>
        {phase.kind === 'running' ? (
          <div role="status">
            <progress max={phase.total || 1} value={phase.done} />
            <span>{t.exporting(phase.done, phase.total)}</span>
          </div>
        ) : null}
        {phase.kind === 'done' ? <p role="status">{phase.message}</p> : null}
        {phase.kind === 'error' ? (
          <p class="error" role="alert">
            {phase.message}
          </p>
        ) : null}
      </div>
    </details>
  );
}
