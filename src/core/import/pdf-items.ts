// The text items of a PDF, page by page, with their coordinates, read with pdf.js through
// `unpdf` (it bundles a pdf.js build that runs on Node 20; pdfjs-dist 6 needs Node ≥ 22.13).
// Loaded on first use: the bot and the CLI pay for pdf.js only when a PDF arrives.

export interface PdfItem {
  readonly page: number;
  readonly str: string;
  /** Left edge and baseline, PDF points (origin bottom-left). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
}

export type PdfItems = { ok: true; items: PdfItem[]; pages: number } | { ok: false; reason: "broken-pdf" | "encrypted-pdf" };

export async function pdfItems(bytes: Uint8Array): Promise<PdfItems> {
  const { extractTextItems, getDocumentProxy } = await import("unpdf");
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over (detaches it): it gets a copy.
    document = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    return { ok: false, reason: (error as Error | undefined)?.name === "PasswordException" ? "encrypted-pdf" : "broken-pdf" };
  }
  try {
    const { items, totalPages } = await extractTextItems(document);
    const out: PdfItem[] = [];
    items.forEach((pageItems, index) => {
      for (const item of pageItems) {
        if (item.str.trim() === "") continue;
        out.push({ page: index + 1, str: item.str, x: item.x, y: item.y, width: item.width, fontSize: item.fontSize });
      }
    });
    return { ok: true, items: out, pages: totalPages };
  } catch {
    return { ok: false, reason: "broken-pdf" };
  } finally {
    // Frees pdf.js's copy of the document (unpdf's own helpers do the same for documents they open).
    await (document as unknown as { loadingTask?: { destroy(): Promise<void> } }).loadingTask?.destroy();
  }
}
