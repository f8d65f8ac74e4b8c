// How alike two narrative texts are: the Dice coefficient of their character bigrams, which
// suits Chinese (no word boundaries) and survives small edits such as a changed year.

/** Whitespace is layout, and numbers change every year while a copied text stays a copy. */
function normaliseForComparison(text: string): string {
  return text.replace(/\s+/g, "").replace(/[0-9０-９]+/g, "#");
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = `${chars[i] ?? ""}${chars[i + 1] ?? ""}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** 2·|A∩B| / (|A|+|B|) over bigram multisets after normalising; 1 for equal texts, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  const left = normaliseForComparison(a);
  const right = normaliseForComparison(b);
  if (left === right) return 1;
  const leftGrams = bigrams(left);
  let shared = 0;
  for (const [gram, count] of bigrams(right)) shared += Math.min(count, leftGrams.get(gram) ?? 0);
  // A text of n characters has n − 1 bigrams.
  const sizes = Math.max(0, [...left].length - 1) + Math.max(0, [...right].length - 1);
  return sizes === 0 ? 0 : (2 * shared) / sizes;
}
