import { z } from 'zod';
import { COLORS } from './colors';

/**
 * The stored shape of one annotation. Selectors follow the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/#selectors) so that export is a projection, not a
 * translation, and Hypothesis selectors import as they are.
 */

export { COLORS, type Color } from './colors';
export { quoteOf } from './quote';
export const ColorSchema = z.enum(COLORS);

// Upper bounds keep a hostile or corrupt import from filling the disk; they are far above
// anything a reader writes (a note of 100k characters is a long essay).
export const MAX_QUOTE = 20_000;
export const MAX_CONTEXT = 2_000;
export const MAX_NOTE = 100_000;
export const MAX_TAGS = 64;
export const MAX_TAG = 200;
export const MAX_URL = 4_096;
export const MAX_TITLE = 2_000;

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
});
export type Annotation = z.infer<typeof AnnotationSchema>;
