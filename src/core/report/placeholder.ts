// The one mark a generated draft leaves where the officer still has to write something:
// 「（请补充公开条数及主要栏目）」. Drafts build it with placeholder(); the checker finds it with
// PLACEHOLDER_PATTERN, so what is written and what is looked for cannot drift apart.

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
