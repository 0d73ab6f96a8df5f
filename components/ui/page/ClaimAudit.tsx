import { useState } from 'preact/hooks';
import type { ClaimView } from './ClaimReason';
import type { Lang } from '@/components/vocabulary/strings';
import { strings } from '@/components/vocabulary/strings';
import { CATEGORY_NAMES, CLAIM_CATEGORIES } from '@/components/vocabulary/categories';

export type ClaimAuditProps = {
  lang: Lang;
  claims: readonly ClaimView[];
  marksOn: boolean;
  onToggleMarks: () => void;
  onJump: (index: number) => void;
};

/** The banner's summary of the page's unsourced claims: counts by category and a jump list. */
export default function ClaimAudit({ lang, claims, marksOn, onToggleMarks, onJump }: ClaimAuditProps) {
  const t = strings[lang];
  const names = CATEGORY_NAMES[lang];
  const [open, setOpen] = useState(false);
  const counts = Object.fromEntries(CLAIM_CATEGORIES.map((c) => [c, claims.filter((x) => x.category === c).length]));
  return (
    <div class="audit">
      <p class="audit-title">{t.auditTitle(claims.length)}</p>
      <ul class="counts" aria-label={t.auditTitle(claims.length)}>
        {CLAIM_CATEGORIES.map((c) => (
          <li key={c} class={`count ${c}`} data-category={c}>
            <span class={`cat ${c}`}>{names[c]}</span> <span class="n">{counts[c]}</span>
          </li>
        ))}
      </ul>
      <div class="audit-actions">
        {claims.length ? (
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t.auditHide : t.auditShow}
          </button>
        ) : null}
        <button type="button" aria-pressed={!marksOn} onClick={onToggleMarks}>
          {marksOn ? t.claimsOff : t.claimsOn}
        </button>
      </div>
      {open ? (
        <ol class="claim-list">
          {claims.map((c) => (
            <li key={c.index}>
              <button type="button" class="jump" data-category={c.category} onClick={() => onJump(c.index)}>
                <span class={`cat ${c.category}`}>{names[c.category]}</span>
                <span class="snippet">{c.sentence.length > 60 ? `${c.sentence.slice(0, 60)}…` : c.sentence}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
