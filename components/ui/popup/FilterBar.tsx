import { COLORS, type Color } from '@/storage/model/annotation';
import { tags as allTags } from '@/storage/db/queries';
import { useEnv } from './env';
import { useLive } from './use-live';

export type FilterBarProps = {
  colors: readonly Color[];
  tag: string | null;
  onChange: (next: { colors: Color[]; tag: string | null }) => void;
};

/** Colour toggles and a tag menu (tags come from the multi-entry index, kept live). */
export default function FilterBar({ colors, tag, onChange }: FilterBarProps) {
  const { db, t } = useEnv();
  const tagList = useLive(() => allTags(db), [db]);
  const toggle = (c: Color) =>
    onChange({ colors: colors.includes(c) ? colors.filter((x) => x !== c) : [...colors, c], tag });
  return (
    <div class="filters">
      <div class="row" role="group" aria-label={t.colorFilter}>
        {COLORS.map((c) => (
          <button
            type="button"
            key={c}
            class="swatch"
            aria-pressed={colors.includes(c)}
            aria-label={t.colors[c]}
            title={t.colors[c]}
            onClick={() => toggle(c)}
          >
            <span class={`dot ${c}`} aria-hidden="true" />
          </button>
        ))}
      </div>
      {tagList.value && tagList.value.length > 0 ? (
        <select
          aria-label={t.tagFilter}
          value={tag ?? ''}
          onChange={(e) => onChange({ colors: [...colors], tag: e.currentTarget.value || null })}
        >
          <option value="">{t.anyTag}</option>
          {tagList.value.map((x) => (
            <option key={x} value={x}>
              #{x}
            </option>
          ))}
        </select>
      ) : null}
      {colors.length > 0 || tag !== null ? (
        <button type="button" class="link" onClick={() => onChange({ colors: [], tag: null })}>
          {t.clearFilters}
        </button>
      ) : null}
    </div>
  );
}
