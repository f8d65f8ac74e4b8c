// Names people type and the file names made from them. Invisible characters are refused: a bidi
// override (U+202E) or zero-width space shows one text and stores another, or disguises an extension.

/** Controls, format characters (bidi, zero-width, soft hyphen, BOM), line/paragraph separators, private use. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}]/u;

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

/** The zod refinement message for a name with hidden characters (read by findings/schema text). */
export const HIDDEN_CHARACTERS_MESSAGE = "hidden-characters";

/** Han characters, ASCII letters and digits, and marks names use; anything else becomes `_`. */
const UNSAFE_IN_FILE_NAME = /[^\p{Script=Han}A-Za-z0-9\-（）()《》·]+/gu;
const MAX_FILE_STEM_CHARS = 120;

/** A file name stem (no extension) that cannot hide an extension, a path or a direction change. */
export function safeFileName(stem: string): string {
  const safe = [...stem.replace(UNSAFE_IN_FILE_NAME, "_")].slice(0, MAX_FILE_STEM_CHARS).join("");
  return safe === "" ? "_" : safe;
}
