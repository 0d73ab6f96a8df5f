import { panelStrings } from '@/components/vocabulary/panel-strings';
import type { Lang } from '@/components/vocabulary/strings';
import type { Verdict } from '@/components/vocabulary/verdicts';
import type { OutlineClaim, PageOutline } from '@/storage/messaging/protocol';
import type { Annotation } from '@/storage/model/annotation';
import ClaimList from './ClaimList';
import NoteList from './NoteList';

export type PanelState = { kind: 'loading' } | { kind: 'not-running' } | { kind: 'page'; outline: PageOutline };

export type SidePanelProps = {
  lang: Lang;
  state: PanelState;
  annotations: readonly Annotation[];
  /** The account's line from the reader's ledger, when there is one. */
  ledgerLine: string | null;
  error: string | null;
  onRevealClaim: (index: number) => void;
  onStep: (step: 1 | -1) => void;
  onReveal: (id: string) => void;
  onVerdict: (claim: OutlineClaim, verdict: Verdict) => void;
  onAudit: (kind: 'md' | 'html') => void;
  /** What the last audit export did (the file it saved). */
  auditDone: string | null;
};

/**
 * What the reader has on this page while reading it: the claims with their verdicts, then their
 * highlights and notes, then what could not be found. Claims' own assessments are listed with
 * their claim, not again as highlights.
 */
export default function SidePanel(props: SidePanelProps) {
  const { lang, state, annotations } = props;
  const t = panelStrings[lang];
  if (state.kind === 'loading') return <p class="muted" role="status">{t.loading}</p>;
  if (state.kind === 'not-running') return <p class="muted" role="status">{t.notRunning}</p>;
  const { outline } = state;
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const claimIds = new Set(outline.claims.map((c) => c.assessmentId).filter((x): x is string => x !== null));
  const orphanIds = new Set(outline.orphans);
  const placed = annotations.filter((a) => !claimIds.has(a.id) && !orphanIds.has(a.id));
  const orphans = annotations.filter((a) => orphanIds.has(a.id));
  return (
    <main data-revision={outline.revision}>
      <header class="page-head">
        <h1>{outline.title || outline.url}</h1>
        {outline.account ? <p class="account">{outline.account}</p> : null}
        {props.ledgerLine ? <p class="ledger-line">{props.ledgerLine}</p> : null}
        {outline.claims.length ? (
          <div class="row" role="group" aria-label={t.claims(outline.claims.length)}>
            <button type="button" onClick={() => props.onStep(-1)}>
              ↑ {t.previous}
            </button>
            <button type="button" onClick={() => props.onStep(1)}>
              ↓ {t.next}
            </button>
          </div>
        ) : null}
      </header>
      <section class="audit" aria-labelledby="audit-head">
        <h2 id="audit-head">{t.audit}</h2>
        <div class="row">
          <button type="button" data-audit="md" onClick={() => props.onAudit('md')}>
            {t.auditMd}
          </button>
          <button type="button" data-audit="html" onClick={() => props.onAudit('html')}>
            {t.auditHtml}
          </button>
        </div>
        {props.auditDone ? <p role="status" class="muted">{t.audited(props.auditDone)}</p> : null}
      </section>
      {props.error ? (
        <p class="error" role="alert">
          {t.failed(props.error)}
        </p>
      ) : null}
      <ClaimList lang={lang} claims={outline.claims} byId={byId} onReveal={props.onRevealClaim} onVerdict={props.onVerdict} />
      <NoteList lang={lang} kind="highlights" heading={t.highlights(placed.length)} annotations={placed} onReveal={props.onReveal} />
      {orphans.length ? (
        <NoteList lang={lang} kind="orphans" heading={t.orphans(orphans.length)} help={t.orphanHelp} annotations={orphans} />
      ) : null}
    </main>
  );
}
