// Values the zod-free content script shares with ./protocol.ts, which re-exports them, so the
// two cannot drift: a literal in one place.

/** How one annotation changed (see ChangeNoticeSchema). */
export const CHANGES = ['created', 'updated', 'recoloured', 'assessed', 'deleted'] as const;

/** The tag on messages the note frame posts to its host page, and on the host's to the frame. */
export const NOTE_FRAME_SOURCE = 'sourcemark-note-frame';
export const NOTE_HOST_SOURCE = 'sourcemark-note-host';

export const NOTE_FRAME_PATH = '/note.html';

/** The note frame's fixed size: it never tells the page how long a note is. */
export const NOTE_FRAME_WIDTH = 340;
export const NOTE_FRAME_HEIGHT = 400;

/**
 * Set in the content scripts' world by /reader-asked.js just before the content script is
 * injected because the reader asked (on demand, or a site they granted). The manifest's own
 * injection does not set it, and a page's scripts cannot reach that world.
 */
export const ASKED_FLAG = '__sourcemarkAsked';
/**
 * Set in the content scripts' world when the reader's own selection gesture came before the
 * article script started its article (Chrome's loader listens from document_end, while the module
 * is on its way): the article script then offers the toolbar for that selection as it starts.
 */
export const EARLY_GESTURE = '__sourcemarkEarlyGesture';

/**
 * What the loader of a granted site (entrypoints/granted-loader) asks the background; declared in
 * ./protocol.ts, named here so the zod-free loader and the schema share one literal.
 */
/** The id the background registers the granted sites' loader under (scripting.registerContentScripts). */
export const GRANTED_SCRIPT_ID = 'sourcemark-granted-sites';
export const LOADER_SELECTION = 'loader.selection';
/** The article script's one request at load (./protocol.ts), named here for the zod-free scripts. */
export const ARTICLE_START = 'article.start';
/** Chrome's article loader could not import the article script (./protocol.ts), named for the zod-free loader. */
export const ARTICLE_CLASSIC = 'article.classic';

/**
 * The most article text a content script sends for claim detection (`claims.detect`), in
 * paragraphs and in UTF-16 characters all told. The longest self-media articles run to some tens of
 * thousands of characters; a page with more text than this has its claims found in the first
 * paragraphs that fit, and the background refuses a request over either limit.
 */
export const MAX_CLAIM_BLOCKS = 20_000;
export const MAX_CLAIM_TEXT = 1_000_000;
