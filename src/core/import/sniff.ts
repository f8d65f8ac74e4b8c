// What an upload is, by its bytes (never by its name): a zip (.docx), an OLE2 file (old .doc),
// html, or text in UTF-8, UTF-16 (with BOM) or GB18030/GBK.

export type Sniffed =
  | { kind: "zip" }
  | { kind: "legacy-doc" }
  | { kind: "pdf" }
  | { kind: "html"; text: string }
  | { kind: "text"; text: string }
  | { kind: "binary" }
  | { kind: "unreadable" };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function decode(bytes: Uint8Array): string | null {
  const tries: [string, number][] = startsWith(bytes, [0xef, 0xbb, 0xbf])
    ? [["utf-8", 3]]
    : startsWith(bytes, [0xff, 0xfe])
      ? [["utf-16le", 2]]
      : startsWith(bytes, [0xfe, 0xff])
        ? [["utf-16be", 2]]
        : startsWith(bytes, [0x84, 0x31, 0x95, 0x33])
          ? [["gb18030", 4]]
          : [
              ["utf-8", 0],
              ["gb18030", 0],
            ];
  for (const [encoding, skip] of tries) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(skip));
    } catch {
      // try the next encoding
    }
  }
  return null;
}

/** Share of characters no text contains (NUL and other C0 controls except tab and line breaks). */
function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) controls++;
  }
  return text.length === 0 ? 0 : controls / text.length;
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: "zip" };
  // %PDF- may follow a few bytes of junk (readers accept it within the first 1024 bytes).
  if (new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).includes("%PDF-")) return { kind: "pdf" };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: "legacy-doc" };
  const text = decode(bytes);
  if (text === null) return bytes.subarray(0, 4096).includes(0) ? { kind: "binary" } : { kind: "unreadable" };
  if (controlShare(text.slice(0, 65536)) > 0.01) return { kind: "binary" };
  const head = text.slice(0, 65536).toLowerCase();
  if (head.includes("<html") || head.includes("<table") || head.includes("<!doctype html")) return { kind: "html", text };
  return { kind: "text", text };
}
