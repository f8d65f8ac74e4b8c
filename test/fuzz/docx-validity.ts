// Is a rendered .docx still a document Word and LibreOffice open? Every XML part parsed by a strict
// XML 1.0 parser (saxes: well-formedness AND the Char production, which htmlparser2's lenient
// xmlMode ignores), word/document.xml scanned for forbidden characters code point by code point,
// and — where installed — LibreOffice converting it to PDF (same skip / NIANBAO_REQUIRE_SOFFICE
// logic as test/render/libreoffice.test.ts).
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import JSZip from "jszip";
import { SaxesParser } from "saxes";

const run = promisify(execFile);

/** XML 1.0 §2.2 Char, written out here rather than taken from the renderer under test. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Forbidden characters in `text` as U+XXXX (a lone surrogate counts: for..of yields it alone). */
export function forbiddenChars(text: string): string[] {
  const found: string[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) found.push(`U+${code.toString(16).toUpperCase().padStart(4, "0")}`);
  }
  return found;
}

/** The first strict-parser error of an XML text, or undefined when it is well-formed XML 1.0. */
export function strictXmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on("error", (err) => {
    error ??= err.message;
  });
  parser.write(xml).close();
  return error;
}

/** Problems of a .docx: unreadable zip, missing document, malformed parts, forbidden characters. */
export async function docxProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/u.test(name));
  if (!parts.includes("word/document.xml")) problems.push("no word/document.xml");
  for (const name of parts) {
    const xml = (await zip.file(name)?.async("string")) ?? "";
    const error = strictXmlError(xml);
    if (error !== undefined) problems.push(`${name}: ${error}`);
    const bad = forbiddenChars(xml);
    if (bad.length > 0) problems.push(`${name}: forbidden characters ${[...new Set(bad)].join(" ")}`);
  }
  return problems;
}

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

export const SOFFICE_REQUIRED = process.env["NIANBAO_REQUIRE_SOFFICE"] === "1";
export const SOFFICE_MISSING = onPath("soffice") ? null : "skipped: LibreOffice (soffice) not installed";

/** Converts each .docx to PDF with LibreOffice; resolves with the PDF sizes in bytes. */
export async function convertWithLibreOffice(docs: readonly Uint8Array[]): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-fuzz-soffice-"));
  try {
    const names: string[] = [];
    for (const [index, bytes] of docs.entries()) {
      const name = join(dir, `fuzz-${index}.docx`);
      await writeFile(name, bytes);
      names.push(name);
    }
    const profile = pathToFileURL(join(dir, "profile")).href;
    await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...names], { timeout: 120_000 });
    const sizes: number[] = [];
    for (const name of names) {
      const pdf = name.replace(/\.docx$/u, ".pdf");
      sizes.push((await stat(pdf).catch(() => ({ size: 0 }))).size);
      if (sizes.at(-1) !== 0) await readFile(pdf);
    }
    return sizes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
