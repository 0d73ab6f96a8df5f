/** What an action of the reader's came to, in words: kept as state by the component that acted. */
export type Outcome = { ok: boolean; text: string };

/**
 * The line under a control that tells how the reader's action went. A live region, so a screen
 * reader hears a failure without looking for it; failures keep the error colour.
 */
export function OutcomeLine({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p class={outcome.ok ? 'muted' : 'error'} role="status">
      {outcome.text}
    </p>
  );
}
