// .docx imports with real bytes: the official template filled in programmatically, and hostile
// or wrong documents that must fail cleanly.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Element, Text, isTag, type AnyNode } from "domhandler";
import { appendChild, getChildren, getOuterHTML, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { importDocx } from "../../../src/core/import/import-docx.ts";
import { importReport } from "../../../src/core/import/import-report.ts";
import { T2_BLOCKS, T3_APPLICANT_COLUMNS, T3_ROWS, T4_GROUPS, T4_OUTCOME_COLUMNS } from "../../../src/core/report/format.ts";
import { FIXTURES } from "./fixtures.ts";

const TEMPLATE = readFileSync(join(FIXTURES, "official-template-2021.docx"));

function childrenNamed(node: AnyNode, name: string): Element[] {
  return getChildren(node).filter((child): child is Element => isTag(child) && child.name === name);
}

function findAll(node: AnyNode, name: string): Element[] {
  const found: Element[] = [];
  for (const child of getChildren(node)) {
    if (!isTag(child)) continue;
    if (child.name === name) found.push(child);
    else found.push(...findAll(child, name));
  }
  return found;
}

/** Writes `text` into a template cell (its first paragraph gets a run). */
function write(tc: Element, text: string): void {
  const p = childrenNamed(tc, "w:p")[0];
  if (p === undefined) throw new Error("cell without paragraph");
  appendChild(p, new Element("w:r", {}, [new Element("w:t", {}, [new Text(text)])]));
}

/**
 * Fills the official template's value cells by position (as an officer would type them), from
 * cell lists written here in table order. Returns the filled .docx bytes.
 */
async function fillTemplate(t2: readonly string[], t3: readonly (readonly string[])[], t4: readonly string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(TEMPLATE);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (xml === undefined) throw new Error("template without document.xml");
  const doc = parseDocument(xml, { xmlMode: true });
  const [table2, table3, table4] = findAll(doc, "w:tbl");
  if (table2 === undefined || table3 === undefined || table4 === undefined) throw new Error("template tables not found");
  // Table 2: data rows are those whose first cell is a row label; values follow it.
  const labels = T2_BLOCKS.flatMap((block) => block.rows.map((row) => row.label));
  let next = 0;
  for (const tr of childrenNamed(table2, "w:tr")) {
    const cells = childrenNamed(tr, "w:tc");
    const first = cells[0] === undefined ? "" : textContent(cells[0]);
    if (!labels.includes(first)) continue;
    for (const tc of cells.slice(1)) write(tc, t2[next++] ?? "");
  }
  // Table 3: three header rows, then 25 rows ending in seven value cells.
  childrenNamed(table3, "w:tr")
    .slice(3)
    .forEach((tr, index) => {
      const cells = childrenNamed(tr, "w:tc");
      cells.slice(-7).forEach((tc, column) => write(tc, t3[index]?.[column] ?? ""));
    });
  // Table 4: three header rows, then the row of 15.
  const row4 = childrenNamed(table4, "w:tr")[3];
  if (row4 !== undefined) childrenNamed(row4, "w:tc").forEach((tc, column) => write(tc, t4[column] ?? ""));
  // The declaration is written by hand: dom-serializer prints processing instructions without their closing 「?」.
  const root = doc.children.find((node): node is Element => isTag(node) && node.name === "w:document");
  if (root === undefined) throw new Error("template without w:document");
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${getOuterHTML(root, { xmlMode: true })}`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("the official template, filled in", () => {
  // Table 3 row r, column c holds (r + c) % 3 for the applicants; the total column their sum,
  // except row 「一」 whose printed total is wrong on purpose (5 instead of 0+1+2+0+1+2 = 6).
  const t3Rows = T3_ROWS.map((_, r) => {
    const applicants = T3_APPLICANT_COLUMNS.map((_, c) => (r + c) % 3);
    return [...applicants.map(String), String(r === 0 ? 5 : applicants.reduce((a, b) => a + b, 0))];
  });
  // The （七）总计 row (index 23) must print the column sums of rows 2…22.
  const resultRows = t3Rows.slice(2, 23);
  t3Rows[23] = T3_APPLICANT_COLUMNS.map((_, c) => String(resultRows.reduce((sum, row) => sum + Number(row[c]), 0)));
  t3Rows[23].push(String(t3Rows[23].reduce((sum, value) => sum + Number(value), 0)));
  const t2 = ["1", "0", "3", "5", "2", "40", "1024", "7", "", "0.5"];
  const t4 = ["1", "0", "0", "0", "1", "0", "0", "1", "1", "2", "0", "0", "0", "0", "0"];

  it("imports what was typed into it, blank cells noted", async () => {
    const result = await importDocx(await fillTemplate(t2, t3Rows, t4));
    if (!result.ok) throw new Error(`import failed: ${result.reason}`);
    const expected: Record<string, number> = {
      "t2.rules.issued": 1,
      "t2.rules.repealed": 0,
      "t2.rules.inForce": 3,
      "t2.normative.issued": 5,
      "t2.normative.repealed": 2,
      "t2.normative.inForce": 40,
      "t2.licensing": 1024,
      "t2.penalty": 7,
      "t2.fees": 0.5,
      "t3.new.total": 5,
    };
    T3_ROWS.forEach((row, r) => {
      if (row.derived === true) return;
      T3_APPLICANT_COLUMNS.forEach((column, c) => (expected[`t3.${row.key}.${column.key}`] = (r + c) % 3));
    });
    const t4Values = [1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0];
    T4_GROUPS.forEach((group, g) =>
      T4_OUTCOME_COLUMNS.forEach((column, c) => (expected[`t4.${group.key}.${column.key}`] = t4Values[g * 4 + c] ?? -1)),
    );
    expect(result.report.values).toEqual(expected);
    expect(result.notes).toEqual([
      { code: "agency-missing" },
      { code: "year-missing" },
      { code: "cell-blank", cell: "t2.coercion" },
      { code: "printed-total-kept", cell: "t3.new.total", params: { printed: 5, derived: 6 } },
      { code: "part-missing", part: "s1.active" },
      { code: "part-missing", part: "s1.onRequest" },
      { code: "part-missing", part: "s1.management" },
      { code: "part-missing", part: "s1.platform" },
      { code: "part-missing", part: "s1.oversight" },
      { code: "part-missing", part: "s5.problems" },
      { code: "part-missing", part: "s6.other" },
    ]);
    // The template's 「（文字描述）」 placeholders are not text.
    expect(result.report.text).toEqual({});
  });

  it("imports the empty template with every row noted blank, not as zeros", async () => {
    const result = await importReport({ name: "模板.docx", bytes: TEMPLATE });
    if (!result.ok) throw new Error(`import failed: ${result.reason}`);
    expect(result.report.values).toEqual({});
    expect(result.notes.filter((note) => note.code === "row-blank")).toHaveLength(2 + 24 + 1);
  });
});

async function docxWith(documentXml: string | Uint8Array): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file("word/document.xml", documentXml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** Sets the declared uncompressed size of word/document.xml in the central directory. */
function declare(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode("word/document.xml");
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (length === name.length && out.subarray(at + 46, at + 46 + length).every((byte, i) => byte === name[i])) {
      view.setUint32(at + 24, size, true);
    }
  }
  return out;
}

describe("documents that are not what they seem", () => {
  it("a letter in Word is not a report", async () => {
    const letter = `<?xml version="1.0"?><w:document ${W}><w:body>${para("关于召开工作会议的通知")}${para("各科室：")}${para("定于下周一召开会议。")}</w:body></w:document>`;
    expect(await importReport({ name: "letter.docx", bytes: await docxWith(letter) })).toEqual({ ok: false, reason: "not-a-report", notes: [] });
  });

  it("broken XML is a broken document", async () => {
    const broken = `<?xml version="1.0"?><w:document ${W}><w:body>${para("一、总体情况")}<w:p><w:r><w:t>半截`;
    expect(await importDocx(await docxWith(broken))).toMatchObject({ ok: false, reason: "broken-docx" });
  });

  it("a zip without word/document.xml is not a .docx", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(await importReport({ name: "a.docx", bytes })).toMatchObject({ ok: false, reason: "not-a-docx" });
  });

  it("refuses a document.xml declared over 50 MB before inflating it", async () => {
    const bytes = declare(await docxWith(`<w:document ${W}><w:body/></w:document>`), 60 * 1024 * 1024);
    expect(await importDocx(bytes)).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("stops inflating a zip bomb whose declared size lies", async () => {
    const bomb = new Uint8Array(52 * 1024 * 1024).fill(0x20);
    const bytes = declare(await docxWith(bomb), 1000);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(await importDocx(bytes)).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("truncated zips, random bytes, old .doc, empty and oversized uploads fail cleanly", async () => {
    const real = await docxWith(`<w:document ${W}><w:body/></w:document>`);
    expect(await importReport({ name: "cut.docx", bytes: real.subarray(0, real.length - 30) })).toMatchObject({ ok: false, reason: "broken-docx" });
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    const randomResult = await importReport({ name: "x.txt", bytes: random });
    expect(randomResult.ok).toBe(false);
    expect(["binary", "unreadable"]).toContain(!randomResult.ok && randomResult.reason);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await importReport({ name: "old.doc", bytes: ole })).toMatchObject({ ok: false, reason: "legacy-doc" });
    expect(await importReport({ name: "e.txt", bytes: new Uint8Array() })).toMatchObject({ ok: false, reason: "empty" });
    expect(await importReport({ name: "w.txt", bytes: new TextEncoder().encode(" \n\t\n ") })).toMatchObject({ ok: false, reason: "empty" });
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    expect(await importReport({ name: "big.txt", bytes: big })).toMatchObject({ ok: false, reason: "too-large" });
  });
});
