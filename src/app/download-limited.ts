// Downloads a file (Telegram, DingTalk) keeping count of the bytes actually received: the size an update
// declares is the sender's word, so the limit is enforced on the stream and the download is
// cancelled the moment it is passed (a file declared at 1 kB but 76 MB is never held whole).

export type Download = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" };

export async function downloadLimited(url: string, maxBytes: number): Promise<Download> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  if (!response.ok || response.body === null) throw new Error(`download failed with HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
