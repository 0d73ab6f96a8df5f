import type { DetectedClaim } from '../marking/claim-marks';

/**
 * Where the claim detector (claims.ts, a third of the content script's size) is handed over.
 * It ships as its own content script, injected only at 网易号 URLs (see HAO_URL_MATCHES), so the
 * editorial pages and the sites a reader grants do not load it. Content scripts of one extension
 * in one frame share one global object, invisible to the page (Chrome's isolated world,
 * Firefox's sandbox), so the two scripts meet here whichever runs first.
 */
export type Detector = (text: string) => readonly DetectedClaim[];

interface Slot {
  detector?: Detector;
  waiting: Array<(detector: Detector) => void>;
}

const KEY = '__sourcemarkClaimDetector';

function slot(): Slot {
  const g = globalThis as { [KEY]?: Slot };
  return (g[KEY] ??= { waiting: [] });
}

/** The detector script's side: hands the detector to the content script, now or when it starts. */
export function provideDetector(detector: Detector): void {
  const s = slot();
  s.detector = detector;
  for (const take of s.waiting.splice(0)) take(detector);
}

/** The content script's side: `use` runs at once if the detector is here, else when it arrives. */
export function withDetector(use: (detector: Detector) => void): void {
  const s = slot();
  if (s.detector) use(s.detector);
  else s.waiting.push(use);
}
