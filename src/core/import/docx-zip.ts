// word/document.xml out of a .docx, within bounds: the zip's central directory is read first and
// its declared sizes checked before anything is inflated (zip bombs), then jszip inflates the one
// entry while counting bytes, stopping as soon as the limit is passed (a lying declared size).
import JSZip from "jszip";
import { MAX_DOCUMENT_XML_BYTES, MAX_ZIP_ENTRIES } from "./limits.ts";

export type DocumentXml = { ok: true; xml: string } | { ok: false; reason: "broken-docx" | "not-a-docx" | "too-large" };

const DOCUMENT = "word/document.xml";
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Declared uncompressed sizes by entry name, from the central directory; null if there is none. */
export function declaredSizes(bytes: Uint8Array): Map<string, number> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > MAX_ZIP_ENTRIES) return null;
  const sizes = new Map<string, number>();
  const names = new TextDecoder();
  for (let entry = 0; entry < count; entry++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xffffffff: the real size is in a ZIP64 field; no Word document needs one.
    sizes.set(name, size === 0xffffffff ? Number.POSITIVE_INFINITY : size);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return sizes;
}

interface ByteStream {
  on(event: "data", callback: (chunk: Uint8Array) => void): ByteStream;
  on(event: "end", callback: () => void): ByteStream;
  on(event: "error", callback: (error: Error) => void): ByteStream;
  resume(): ByteStream;
  pause(): ByteStream;
}

function inflateBounded(file: JSZip.JSZipObject, limit: number): Promise<Uint8Array | "too-large" | "broken"> {
  // internalStream is jszip's public streaming API, missing from its typings.
  const stream = (file as unknown as { internalStream(type: "uint8array"): ByteStream }).internalStream("uint8array");
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const finish = (result: Uint8Array | "too-large" | "broken"): void => {
      if (done) return;
      done = true;
      stream.pause();
      resolve(result);
    };
    stream
      .on("data", (chunk) => {
        total += chunk.length;
        if (total > limit) finish("too-large");
        else chunks.push(chunk);
      })
      .on("error", () => finish("broken"))
      .on("end", () => {
        const out = new Uint8Array(total);
        let offset = 0;
        for (const chunk of chunks) {
          out.set(chunk, offset);
          offset += chunk.length;
        }
        finish(out);
      })
      .resume();
  });
}

export async function documentXml(bytes: Uint8Array): Promise<DocumentXml> {
  const sizes = declaredSizes(bytes);
  if (sizes === null) return { ok: false, reason: "broken-docx" };
  const declared = sizes.get(DOCUMENT);
  if (declared === undefined) return { ok: false, reason: "not-a-docx" };
  if (declared > MAX_DOCUMENT_XML_BYTES) return { ok: false, reason: "too-large" };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return { ok: false, reason: "broken-docx" };
  }
  const file = zip.file(DOCUMENT);
  if (file === null) return { ok: false, reason: "not-a-docx" };
  const inflated = await inflateBounded(file, Math.min(MAX_DOCUMENT_XML_BYTES, declared));
  if (inflated === "too-large") return { ok: false, reason: "too-large" };
  if (inflated === "broken") return { ok: false, reason: "broken-docx" };
  try {
    return { ok: true, xml: new TextDecoder("utf-8", { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, reason: "broken-docx" };
  }
}
