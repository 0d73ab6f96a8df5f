// Bounds far above real articles (the longest seed has 26 paragraphs of under 200 characters);
// a page beyond them is refused whole rather than stored cut, since a cut text would hash and
// diff as an edit the author never made.
export const MAX_PARAGRAPHS = 20_000;
export const MAX_PARAGRAPH = 100_000;
export const MAX_ARTICLE_CHARS = 2_000_000;
export const MAX_ACCOUNT = 200;
/** Statements run 40–250 characters each, one per language (recognition/statement.ts). */
export const MAX_STATEMENT = 2_000;
