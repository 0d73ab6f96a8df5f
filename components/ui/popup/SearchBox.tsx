import { useEnv } from './env';

export type SearchBoxProps = {
  value: string;
  onInput: (value: string) => void;
};

/**
 * The search field. It only reports keystrokes; the caller debounces and runs the search, so
 * typing never waits for the database.
 */
export default function SearchBox({ value, onInput }: SearchBoxProps) {
  const { t } = useEnv();
  return (
    <input
      type="search"
      class="search"
      aria-label={t.searchLabel}
      placeholder={t.searchPlaceholder}
      value={value}
      onInput={(e) => onInput(e.currentTarget.value)}
    />
  );
}
