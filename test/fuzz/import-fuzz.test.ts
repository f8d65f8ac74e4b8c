// The importer fed malformed files: random bytes, zip bombs (lying and honest declared sizes), a
// 50 MB upload, .docx files whose XML is broken or missing, the seed report with its lines shuffled,
// and html with 10 000 nested tables. Each gets a clear failure, or a partial import with notes that
// invents no value, within 300 MB of extra memory; a blow-up in time shows as the test's timeout (no
// verdict on the clock: a loaded machine is not a bug). (hostile.test.ts covers deep <div>s,
// giant colspans and 5 000-digit rows.) Runs: NIANBAO_FUZZ_RUNS (default 30 per property).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { importReport, type ImportResult } from "../../src/core/import/import-report.ts";
import { IMPORT_FAILURES } from "../../src/core/import/import-result.ts";
import { valueProblem } from "../../src/core/report/schema.ts";

const RUNS = Number(process.env["NIANBAO_FUZZ_RUNS"] ?? "30");
const RSS_MB = 300;
const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const SEED_TEXT = readFileSync(join(FIXTURES, "seed-2021.txt"), "utf8");
const SEED = JSON.parse(readFileSync(join(FIXTURES, "seed-2021.report.json"), "utf8")) as { values: Record<string, number> };

let cases = 0;
afterAll(() => console.log(`[fuzz] import: ${cases} malformed files imported (NIANBAO_FUZZ_RUNS=${RUNS})`));

/** Imports within the memory bound; every value that comes back is a valid value. */
async function bounded(name: string, bytes: Uint8Array): Promise<ImportResult> {
  global.gc?.();
  const rss = process.memoryUsage().rss;
  const result = await importReport({ name, bytes });
  expect((process.memoryUsage().rss - rss) / 2 ** 20, `${name}: MB of extra memory`).toBeLessThan(RSS_MB);
  if (result.ok) for (const [id, value] of Object.entries(result.report.values)) expect(valueProblem(id, value), `${id}=${value}`).toBeNull();
  else expect(IMPORT_FAILURES).toContain(result.reason);
  cases += 1;
  return result;
}

async function docx(documentXml: string | undefined, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  if (documentXml !== undefined) zip.file("word/document.xml", documentXml);
  for (const [path, text] of Object.entries(extra)) zip.file(path, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** Rewrites the uncompressed size an entry declares, in its local header and the central directory. */
function declare(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const view = new DataView(out.buffer);
  const wanted = new TextEncoder().encode(name);
  const named = (at: number, length: number): boolean => length === wanted.length && wanted.every((byte, i) => out[at + i] === byte);
  for (let at = 0; at + 46 < out.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && named(at + 30, view.getUint16(at + 26, true))) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && named(at + 46, view.getUint16(at + 28, true))) view.setUint32(at + 24, size, true);
  }
  return out;
}

const SEED_DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${SEED_TEXT.split("\n")
  .map((line) => `<w:p><w:r><w:t>${line.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</w:t></w:r></w:p>`)
  .join("")}</w:body></w:document>`;

describe("malformed files", () => {
  it("random bytes, with or without a file signature, never throw", async () => {
    const prefixes = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e]];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 4096 }), fc.constantFrom("x.docx", "x.txt", "x.html", "x"), async (prefix, body, name) => {
        await bounded(name, Uint8Array.from([...prefix, ...body]));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it("a zip bomb is refused before or while inflating, whatever size it declares", async () => {
    // 60 MB of one letter deflates to ~60 KB; the honest declaration is refused up front …
    const bomb = await docx(`<w:document>${"a".repeat(60 * 2 ** 20)}</w:document>`);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await bounded("bomb.docx", bomb)).toMatchObject({ ok: false, reason: "too-large" });
    // … a lying one (1 KB, or 4 GB: over a gigabyte) is caught by counting the inflated bytes.
    for (const size of [1024, 0xfffffff0, 1_100_000_000]) {
      expect(await bounded(`bomb-${size}.docx`, declare(bomb, "word/document.xml", size))).toMatchObject({ ok: false });
    }
  }, 60_000);

  it("a 50 MB upload is refused before it is read", async () => {
    const big = new Uint8Array(50 * 2 ** 20).fill(0x31);
    expect(await bounded("big.txt", big)).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("a .docx whose XML is broken gets a failure or notes, never a crash", async () => {
    const broken = [
      SEED_DOCUMENT.slice(0, Math.floor(SEED_DOCUMENT.length / 2)),
      SEED_DOCUMENT.slice(0, 200),
      SEED_DOCUMENT.replaceAll("</w:t>", "</w:x>"),
      SEED_DOCUMENT.replaceAll("<w:p>", "<w:p><w:r>"),
      SEED_DOCUMENT.replace("一、总体情况", "&nosuch;&#0;&#xD800;&#99999999;一、总体情况"),
      `<!DOCTYPE x [<!ENTITY a "${"&b;".repeat(10)}"><!ENTITY b "${"x".repeat(1000)}">]>${SEED_DOCUMENT}`,
      "\u0000".repeat(10_000),
      "",
    ];
    for (const xml of broken) await bounded("broken.docx", await docx(xml));
  }, 30_000);

  it("a .docx without word/document.xml is not a Word document", async () => {
    expect(await bounded("empty.docx", await docx(undefined, { "word/styles.xml": "<w:styles/>" }))).toMatchObject({ ok: false, reason: "not-a-docx" });
  });

  it("the seed with its lines shuffled never puts a figure in a cell it did not come from", async () => {
    const lines = SEED_TEXT.split("\n");
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }), async (shuffled) => {
        const result = await bounded("shuffled.txt", new TextEncoder().encode(shuffled.join("\n")));
        if (!result.ok) return;
        const wrong = Object.entries(result.report.values).filter(([id, value]) => SEED.values[id] !== value);
        // A figure read from a shuffled page must come with a note saying something was off.
        if (wrong.length > 0) expect(result.notes.length, JSON.stringify(wrong.slice(0, 3))).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("html with 10 000 nested tables is refused", async () => {
    const html = `<html><body>${"<table><tr><td>".repeat(10_000)}三、收到和处理政府信息公开申请情况${"</td></tr></table>".repeat(10_000)}</body></html>`;
    expect(await bounded("nested.html", new TextEncoder().encode(html))).toMatchObject({ ok: false });
  });
});
