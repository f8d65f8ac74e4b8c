// The common shape every reader (text, html, docx) produces: paragraphs and tables in document
// order. Tables are grids: a merged cell's text stands in its first grid cell, the cells it
// covers are "" (as Word's vMerge continuation cells and the flattened seed show them).

export type Block = { readonly kind: "paragraph"; readonly text: string } | { readonly kind: "table"; readonly rows: readonly (readonly string[])[] };

export function paragraph(text: string): Block {
  return { kind: "paragraph", text };
}

export function table(rows: readonly (readonly string[])[]): Block {
  return { kind: "table", rows };
}
