import { useRef, useState } from 'preact/hooks';
import { CATEGORY_NAMES, CLAIM_CATEGORIES } from '@/components/vocabulary/categories';
import { panelStrings } from '@/components/vocabulary/panel-strings';
import type { Lang } from '@/components/vocabulary/strings';
import { VERDICTS, VERDICT_ICONS, VERDICT_NAMES, isVerdict, type Verdict } from '@/components/vocabulary/verdicts';
import type { OutlineClaim } from '@/storage/messaging/protocol';
import type { Annotation } from '@/storage/model/annotation';
import Evidence from './Evidence';

export type ClaimListProps = {
  lang: Lang;
  claims: readonly OutlineClaim[];
  /** The page's annotations by id: a claim's verdict, note and evidence are its assessment's. */
  byId: ReadonlyMap<string, Annotation>;
  onReveal: (index: number) => void;
  onVerdict: (claim: OutlineClaim, verdict: Verdict) => void;
};

/**
 * The page's claims with their verdicts. ↑ and ↓ move between claims and show each in the page,
 * as reading along would; the verdict is a labelled select, so it is one control per claim.
 */
export default function ClaimList({ lang, claims, byId, onReveal, onVerdict }: ClaimListProps) {
  const t = panelStrings[lang];
  const [byCategory, setByCategory] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const ordered = byCategory
    ? CLAIM_CATEGORIES.flatMap((c) => claims.filter((x) => x.category === c))
    : [...claims].sort((a, b) => a.index - b.index);

  const move = (from: HTMLElement, step: 1 | -1) => {
    const buttons = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('button.go') ?? []);
    const next = buttons[buttons.indexOf(from as HTMLButtonElement) + step];
    if (!next) return;
    next.focus();
    onReveal(Number(next.dataset.index));
  };

  return (
    <section aria-labelledby="claims-head">
      <div class="section-head">
        <h2 id="claims-head">{t.claims(claims.length)}</h2>
        <label class="order">
          <span class="visually-hidden">{t.order}</span>
          <select value={byCategory ? 'category' : 'page'} onChange={(e) => setByCategory(e.currentTarget.value === 'category')}>
            <option value="page">{t.byPage}</option>
            <option value="category">{t.byCategory}</option>
          </select>
        </label>
      </div>
      <p class="help">{t.keysHelp}</p>
      {claims.length === 0 ? <p class="muted">{t.none}</p> : null}
      <ol class="claims" ref={list}>
        {ordered.map((c) => {
          const a = c.assessmentId ? byId.get(c.assessmentId) : undefined;
          const verdict = a?.assessment?.verdict ?? null;
          return (
            <li key={c.index} class="claim" data-claim-index={c.index} data-verdict={verdict ?? undefined}>
              <button
                type="button"
                class="go"
                data-index={c.index}
                title={t.goTo}
                onClick={() => onReveal(c.index)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    e.preventDefault();
                    move(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1);
                  }
                }}
              >
                <span class={`cat ${c.category}`}>{CATEGORY_NAMES[lang][c.category]}</span>
                {verdict ? (
                  <span class={`verdict-chip ${verdict}`}>
                    <span aria-hidden="true">{VERDICT_ICONS[verdict]}</span> {VERDICT_NAMES[lang][verdict]}
                  </span>
                ) : null}
                <span class="sentence">{c.sentence}</span>
              </button>
              <p class="reason">{c.reason[lang]}</p>
              <label class="verdict-select">
                <span>{t.verdict}</span>
                <select
                  value={verdict ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    if (isVerdict(v)) onVerdict(c, v);
                  }}
                >
                  {verdict ? null : <option value="">{t.noVerdictYet}</option>}
                  {VERDICTS.map((v) => (
                    <option key={v} value={v}>
                      {VERDICT_NAMES[lang][v]}
                    </option>
                  ))}
                </select>
              </label>
              {a?.note ? <p class="note">{a.note}</p> : null}
              {a?.assessment?.evidence.length ? <Evidence links={a.assessment.evidence} lang={lang} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
