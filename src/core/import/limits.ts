// Bounds on hostile input: every import returns in bounded time and memory.
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
export const MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;
/** A label longer than this is not a label: it is never compared (matching is quadratic). */
export const MAX_LABEL_CHARS = 300;
export const MAX_SPAN = 64;
/** Deeper nesting is not walked (MAX_NESTING: refused). */
export const MAX_DEPTH = 200;
/** Search nodes when recovering a row whose cell boundaries were lost. */
export const SPLIT_BUDGET = 200_000;
/** No report nests beyond a few dozen levels. */
export const MAX_NESTING = 1000;
