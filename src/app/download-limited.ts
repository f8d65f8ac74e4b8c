// Downloads a file (Telegram, DingTalk) counting the bytes received: the size an update declares is
// the sender's word, so the limit is enforced on the stream (a file declared at 1 kB but 76 MB is never
// held whole). Leaving the loop early cancels the stream, and with it the download.

export type Download = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" };

export async function downloadLimited(url: string, maxBytes: number): Promise<Download> {
  const response = await fetch(url);
  if (!response.ok || response.body === null) throw new Error(`download failed with HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of response.body) {
    received += chunk.byteLength;
    if (received > maxBytes) return { ok: false, reason: "too-large" };
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks, received) };
}
