/**
 * The attribute and tag names Sourcemark writes into a page. They are a public contract,
 * documented in README ("What Sourcemark puts in a page: the `data-sourcemark*` contract"): user
 * styles and the tests select on them, and marks.css styles them. Renaming one breaks those, so
 * change README, marks.css and the e2e tests with it.
 */
export const ATTR = {
  /** On `<html>`: the self-media product (`SELF_MEDIA_PAGES`), set only on self-media pages. */
  page: 'data-sourcemark-page',
  /** What a marked element is; the values are `MARK_KIND`. */
  mark: 'data-sourcemark',
  /** On `<html>`: `off` when the reader switched claim marks off (the elements stay). */
  claims: 'data-sourcemark-claims',
  /** On highlight elements for a moment after "go to" from the popup. */
  flash: 'data-sourcemark-flash',
  /** On hosts of Sourcemark's own UI; their text is ours, never the page's. */
  ui: 'data-sourcemark-ui',
  /** On claim marks: the claim's category (`CLAIM_CATEGORIES`). */
  category: 'data-category',
  /** On claim marks: the claim's number on the page, shared by all elements of one sentence. */
  claimIndex: 'data-claim-index',
  /** On highlight marks: the annotation's UUID. */
  annotationId: 'data-annotation-id',
  /** On highlight marks: the highlight colour. */
  color: 'data-color',
  /**
   * The reader's verdict (`VERDICTS`): on the claim mark elements of an assessed claim, and on
   * the highlight elements of an assessed highlight.
   */
  verdict: 'data-sourcemark-verdict',
  /** On the last element of an assessed claim or highlight: the verdict's name, the icon's text. */
  verdictLabel: 'data-verdict-label',
  /** On the highlight elements of a claim's assessment (`claim`): the claim mark shows it instead. */
  assesses: 'data-assesses',
} as const;

/** Values of `data-sourcemark`. */
export const MARK_KIND = {
  highlight: 'highlight',
  claim: 'claim',
  disclaimer: 'disclaimer',
} as const;

export type MarkKind = (typeof MARK_KIND)[keyof typeof MARK_KIND];

/** The value of `data-sourcemark-claims` when claim marks are hidden. */
export const CLAIMS_OFF = 'off';

/**
 * The wrapper tag of highlight and claim marks. Never registered as a custom element, and no page
 * stylesheet targets it by name, so a wrapper is an inert inline box only marks.css paints.
 */
export const MARK_TAG = 'sourcemark-mark';
