// Optional system programs for the published forms: LibreOffice (.docx → PDF) and poppler's pdftoppm
// (pages → PNG); callers ask officeTools() first. Each conversion gets its own LibreOffice profile so
// parallel ones do not fight over one (see stack-notes).
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

export function officeTools(): { soffice: boolean; pdftoppm: boolean } {
  return { soffice: onPath("soffice"), pdftoppm: onPath("pdftoppm") };
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-office-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Faces for a missing official one, as fontconfig preferences after the named face (an installed one
// still wins): LibreOffice ignores w:altName, w:family and its own replacement table (tried), and
// fontconfig answers unknown Chinese names with its sans default, so 仿宋 came out like 黑体.
const PDF_FALLBACKS: Readonly<Record<string, string>> = {
  "仿宋_GB2312": "Noto Serif CJK SC",
  "方正小标宋简体": "Noto Serif CJK SC",
  "楷体_GB2312": "Noto Serif CJK SC",
  "宋体": "Noto Serif CJK SC",
  "黑体": "Noto Sans CJK SC",
  FangSong: "Noto Serif CJK SC",
  KaiTi: "Noto Serif CJK SC",
  SimHei: "Noto Sans CJK SC",
};

function fontconfigXml(): string {
  // The names are ours (no markup characters): nothing to escape.
  const aliases = Object.entries(PDF_FALLBACKS).map(
    ([font, substitute]) => `<alias binding="same"><family>${font}</family><accept><family>${substitute}</family></accept></alias>`,
  );
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${aliases.join("")}</fontconfig>\n`;
}

/** The PDF LibreOffice makes of a .docx (headless, its own throwaway profile). */
export async function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  return inTempDir(async (dir) => {
    const input = join(dir, "report.docx");
    await writeFile(input, docx);
    const profile = pathToFileURL(join(dir, "profile")).href;
    const fonts = join(dir, "fonts.conf");
    await writeFile(fonts, fontconfigXml());
    await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, input], {
      timeout: 180_000,
      env: { ...process.env, FONTCONFIG_FILE: fonts },
    });
    return new Uint8Array(await readFile(join(dir, "report.pdf")));
  });
}

/** PNG pictures of the given 1-based pages of a PDF (all pages when none are given), in page order. */
export async function pdfToPngs(pdf: Uint8Array, options: { pages?: readonly number[]; dpi?: number } = {}): Promise<Uint8Array[]> {
  return inTempDir(async (dir) => {
    const input = join(dir, "report.pdf");
    await writeFile(input, pdf);
    const dpi = String(options.dpi ?? 110);
    if (options.pages === undefined) {
      await run("pdftoppm", ["-png", "-r", dpi, input, join(dir, "page")], { timeout: 120_000 });
    } else {
      for (const page of options.pages) {
        const at = String(page);
        await run("pdftoppm", ["-png", "-r", dpi, "-f", at, "-l", at, input, join(dir, `page-${at.padStart(3, "0")}`)], {
          timeout: 120_000,
        });
      }
    }
    const names = (await readdir(dir)).filter((name) => name.endsWith(".png")).sort();
    return Promise.all(names.map(async (name) => new Uint8Array(await readFile(join(dir, name)))));
  });
}
