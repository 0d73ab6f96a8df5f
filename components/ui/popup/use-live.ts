import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export interface Live<T> {
  /** The latest answer; kept while a newer query runs, so lists do not flash empty. */
  value: T | undefined;
  error: Error | null;
  /** A query for the current arguments has not answered yet. */
  pending: boolean;
}

/**
 * Runs `query` as a Dexie liveQuery: it answers again whenever the tables it read change, in
 * this page or any other context of the extension (the background saving a highlight). When the
 * arguments change, the old subscription is dropped and its signal aborted, so a stale search
 * stops at its next chunk and can never overwrite a newer answer.
 */
export function useLive<T>(query: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: null, pending: true });
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    const sub = liveQuery(() => query(ctl.signal)).subscribe({
      next: (value) => {
        if (!ctl.signal.aborted) setState({ value, error: null, pending: false });
      },
      error: (err: unknown) => {
        if (ctl.signal.aborted) return;
        setState((s) => ({ ...s, error: err instanceof Error ? err : new Error(String(err)), pending: false }));
      },
    });
    return () => {
      ctl.abort();
      sub.unsubscribe();
    };
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return state;
}
