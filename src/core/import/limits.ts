// Bounds on hostile input: every import returns in bounded time and memory.

/** Any upload larger than this is refused before it is read. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** word/document.xml may not inflate beyond this (declared size and actual bytes). */
export const MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024;
/** A .docx with more entries than this is not a Word document we accept. */
export const MAX_ZIP_ENTRIES = 10_000;
/** A label longer than this is not a label: it is never compared (matching is quadratic). */
export const MAX_LABEL_CHARS = 300;
/** Spans in html tables are clamped to this (a colspan of 10^9 must not allocate). */
export const MAX_SPAN = 64;
/** Nesting deeper than this is not walked. */
export const MAX_DEPTH = 200;
/** Search budget (nodes) when recovering a row whose cell boundaries were lost. */
export const SPLIT_BUDGET = 200_000;
/** Markup nested deeper than this is refused (no report nests beyond a few dozen levels). */
export const MAX_NESTING = 1000;
