/**
 * Text normalisation for comparing what pages print with what we look for. Live NetEase pages
 * print full-width punctuation and “ ” quotes; copies of them are often half-width and spaced
 * differently. NFKC folds the widths; quotes and whitespace are folded by hand because NFKC
 * keeps “ ” and does not touch spacing.
 */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[“”„‟〝〞＂]/g, '"')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
