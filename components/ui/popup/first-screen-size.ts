/**
 * How many pages the first screen of "All annotations" asks for: a screenful at 600 px and some
 * to scroll into. Apart from first-pages.ts so that the popup's first script takes no query code.
 */
export const FIRST_PAGES = 20;
