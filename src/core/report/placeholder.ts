// The mark a draft leaves for the officer to fill (「（请补充…）」): written and looked for here, so
// the two cannot drift apart.

const OPEN = "（请补充";
const CLOSE = "）";

/** 「（请补充{what}）」 */
export function placeholder(what: string): string {
  return `${OPEN}${what}${CLOSE}`;
}

/** Any placeholder, half-width brackets included (a paste through another editor may convert them). */
export const PLACEHOLDER_PATTERN = /[（(]请补充[^）)]*[）)]/gu;

/** The placeholders left in a text, in order. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[0]);
}
