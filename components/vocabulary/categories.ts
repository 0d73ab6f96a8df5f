/**
 * The claim categories: the detector assigns them, marks carry them as `data-category` (a public
 * contract, see README), and the banner, the tooltip and the popup name them. One list and one
 * table of names, so a reader sees the same words for the same marks everywhere.
 */
export const CLAIM_CATEGORIES = ['vague', 'certainty', 'statistic'] as const;

export type ClaimCategory = (typeof CLAIM_CATEGORIES)[number];

/**
 * A category's name as a heading or label. Sentence-cased in English; in running text (the
 * popup's counts) use `categoryNameInText`, which lower-cases the same words.
 */
export const CATEGORY_NAMES = {
  zh: { vague: '来源模糊', certainty: '无据断言', statistic: '无出处数字' },
  en: { vague: 'Vague source', certainty: 'Unbacked certainty', statistic: 'Unsourced number' },
} as const satisfies Record<'zh' | 'en', Record<ClaimCategory, string>>;

/** The name after a count ("3 vague source"): the same words, lower-cased where the script has case. */
export function categoryNameInText(lang: keyof typeof CATEGORY_NAMES, category: ClaimCategory): string {
  return CATEGORY_NAMES[lang][category].toLowerCase();
}
