import { z } from 'zod';
import { CLAIM_CATEGORIES } from '@/components/vocabulary/categories';
import { VERDICTS } from '@/components/vocabulary/verdicts';
import { COLORS } from './colors';

/**
 * The stored shape of one annotation. Selectors follow the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/#selectors) so that export is a projection, not a
 * translation, and Hypothesis selectors import as they are.
 */

export { COLORS, type Color } from './colors';
export { quoteOf } from './quote';
export const ColorSchema = z.enum(COLORS);

export { MAX_CONTEXT, MAX_NOTE, MAX_QUOTE, MAX_TAG, MAX_TAGS, MAX_TITLE, MAX_URL } from './limits';
import { MAX_CONTEXT, MAX_NOTE, MAX_QUOTE, MAX_TAG, MAX_TAGS, MAX_TITLE, MAX_URL } from './limits';

export const TextQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE),
  prefix: z.string().max(MAX_CONTEXT).optional(),
  suffix: z.string().max(MAX_CONTEXT).optional(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start' });
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

/** XPath-based range, as Hypothesis writes it: kept on import so nothing is lost. */
export const RangeSelectorSchema = z.strictObject({
  type: z.literal('RangeSelector'),
  startContainer: z.string().max(MAX_URL),
  startOffset: z.number().int().nonnegative(),
  endContainer: z.string().max(MAX_URL),
  endOffset: z.number().int().nonnegative(),
});
export type RangeSelector = z.infer<typeof RangeSelectorSchema>;

export const SelectorSchema = z.union([
  TextQuoteSelectorSchema,
  TextPositionSelectorSchema,
  RangeSelectorSchema,
]);
export type Selector = z.infer<typeof SelectorSchema>;

const IsoDate = z.iso.datetime({ offset: true });

/**
 * Where "open and go to" takes the reader, so only a web address: an imported file must not be
 * able to store a `javascript:`, `data:` or `chrome:` URL that a click would then open.
 */
export const WebUrlSchema = z
  .string()
  .min(1)
  .max(MAX_URL)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), { message: 'must be an http: or https: address' });

/** True for the addresses an annotation may store (see WebUrlSchema). */
export function isWebUrl(u: string): boolean {
  return WebUrlSchema.safeParse(u).success;
}

export const MAX_EVIDENCE = 20;

/**
 * The reader's decision about a passage: a claim Sourcemark marked, or any highlight. Evidence
 * links are web addresses only, for the same reason as `url`: a click opens them.
 */
export const AssessmentSchema = z.strictObject({
  verdict: z.enum(VERDICTS),
  evidence: z.array(WebUrlSchema).max(MAX_EVIDENCE),
  /**
   * Set when the passage is a claim mark: the category Sourcemark gave it when the reader
   * assessed it. Such an annotation paints as the claim mark's verdict, not as a highlight.
   */
  claim: z.strictObject({ category: z.enum(CLAIM_CATEGORIES) }).optional(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const AnnotationSchema = z.strictObject({
  id: z.uuid(),
  /** Page identity from storage/page-key.ts: equal for every URL of one article. */
  pageKey: z.string().min(1).max(MAX_URL),
  url: WebUrlSchema,
  title: z.string().max(MAX_TITLE),
  site: z.string().max(255),
  selectors: z
    .array(SelectorSchema)
    .min(1)
    .max(8)
    .refine((s) => s.some((x) => x.type === 'TextQuoteSelector'), {
      message: 'needs a TextQuoteSelector: without the quote an annotation cannot be re-found',
    }),
  color: ColorSchema,
  note: z.string().max(MAX_NOTE),
  tags: z.array(z.string().min(1).max(MAX_TAG)).max(MAX_TAGS),
  created: IsoDate,
  updated: IsoDate,
  /** Absent on plain highlights and notes. */
  assessment: AssessmentSchema.optional(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;
