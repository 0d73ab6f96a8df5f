import { useEffect, useState } from 'preact/hooks';

/**
 * The time now, at every render and at least every `everyMs`: "3 minutes ago" becomes "4 minutes
 * ago" while the page stays open, without asking the background again, and a status that just
 * arrived is measured against the real time, not the last tick's.
 */
export function useNow(everyMs: number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return Date.now();
}
