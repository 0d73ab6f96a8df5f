import { detectClaims } from '@/components/claims';
import { provideDetector } from '@/components/claims/detector-slot';

/**
 * The claim detector, loaded as a content script only where a self-media article can be (the
 * manifest entry is added in wxt.config.ts, at selfMediaMatchPatterns()); the main content script marks
 * the claims with it. An unlisted script rather than a WXT content script: it needs no
 * extension API, so it carries no context object and no browser polyfill, only the detector.
 */
export default defineUnlistedScript(() => {
  provideDetector(detectClaims);
});
