import { useEnv } from './env';

export type EmptyStateProps = {
  onOpenSettings: () => void;
};

/** What a new reader sees instead of an empty list: the three steps to a first note. */
export default function EmptyState({ onOpenSettings }: EmptyStateProps) {
  const { t } = useEnv();
  return (
    <div class="empty" role="status">
      <h2>{t.emptyTitle}</h2>
      <ol>
        {t.emptySteps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <p>
        <button type="button" class="link" onClick={onOpenSettings}>
          {t.emptyImport}
        </button>
      </p>
    </div>
  );
}
