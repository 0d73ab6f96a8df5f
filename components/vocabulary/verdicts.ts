/**
 * The verdicts a reader can record on a claim or a highlight. The ids are stored, exported (the
 * JSON-LD `assessing` body's value, the CSV column) and written into the page as
 * `data-sourcemark-verdict`, a public contract (README): renaming one breaks saved data.
 */
export const VERDICTS = ['unchecked', 'needs-source', 'supported', 'false', 'misleading'] as const;

export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_NAMES = {
  zh: { unchecked: '未核查', 'needs-source': '需要来源', supported: '有据可查', false: '不实', misleading: '误导' },
  en: { unchecked: 'Unchecked', 'needs-source': 'Needs a source', supported: 'Supported', false: 'False', misleading: 'Misleading' },
} as const satisfies Record<'zh' | 'en', Record<Verdict, string>>;

/**
 * A glyph per verdict, so the verdict does not rest on colour alone; always shown with its name
 * as the text alternative.
 */
export const VERDICT_ICONS = {
  unchecked: '?',
  'needs-source': '…',
  supported: '✓',
  false: '✗',
  misleading: '!',
} as const satisfies Record<Verdict, string>;

export function isVerdict(v: unknown): v is Verdict {
  return typeof v === 'string' && (VERDICTS as readonly string[]).includes(v);
}
