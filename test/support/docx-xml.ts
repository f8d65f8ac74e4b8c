// Reads .docx bytes back for tests: unzips with jszip and parses word/document.xml (and the header
// and style parts) with htmlparser2 in xmlMode, giving paragraphs, runs, tables with their
// gridSpan/vMerge, page size and margins, and the fonts a run ends up with after styles.
import { getAttributeValue, getChildren, getElementsByTagName, textContent } from "domutils";
import type { Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import JSZip from "jszip";

export interface FontSlots {
  eastAsia?: string;
  ascii?: string;
  hAnsi?: string;
}

export interface DocxRun {
  readonly text: string;
  readonly bold: boolean;
  /** Fonts written on the run itself (see `effectiveRun` for what styles add). */
  readonly font: FontSlots;
  /** Half-points, when the run sets it. */
  readonly size?: number;
  readonly color?: string;
}

export interface DocxParagraph {
  readonly text: string;
  readonly runs: readonly DocxRun[];
  readonly style?: string;
  /** w:jc, e.g. "center", "both". */
  readonly alignment?: string;
  readonly element: Element;
}

export interface DocxCell {
  readonly text: string;
  readonly gridSpan: number;
  /** null: not merged; "restart" opens a vertical merge; "continue" belongs to the cell above. */
  readonly vMerge: "restart" | "continue" | null;
  readonly paragraphs: readonly DocxParagraph[];
}

export interface DocxTable {
  readonly grid: readonly number[];
  readonly rows: readonly (readonly DocxCell[])[];
}

export type DocxBlock = { kind: "paragraph"; paragraph: DocxParagraph } | { kind: "table"; table: DocxTable };

export interface DocxPage {
  readonly width: number;
  readonly height: number;
  readonly margins: { top: number; bottom: number; left: number; right: number };
}

export interface DocxStyle {
  readonly basedOn?: string;
  readonly font: FontSlots;
  readonly size?: number;
  readonly bold: boolean;
  readonly alignment?: string;
}

export interface DocxContent {
  readonly files: readonly string[];
  readonly documentXml: string;
  /** Top-level body content in order. */
  readonly blocks: readonly DocxBlock[];
  readonly paragraphs: readonly DocxParagraph[];
  readonly tables: readonly DocxTable[];
  /** Text of each header part (word/header*.xml). */
  readonly headers: readonly string[];
  readonly page?: DocxPage;
  /** Paragraph styles by id, and the document defaults under "". */
  readonly styles: ReadonlyMap<string, DocxStyle>;
}

function elementChildren(element: Element, name?: string): Element[] {
  return getChildren(element).filter(
    (child): child is Element => child.type === "tag" && (name === undefined || (child as Element).name === name),
  );
}

function child(element: Element | undefined, name: string): Element | undefined {
  return element === undefined ? undefined : elementChildren(element, name)[0];
}

function val(element: Element | undefined, attribute = "w:val"): string | undefined {
  return element === undefined ? undefined : getAttributeValue(element, attribute);
}

function num(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function fontsOf(rPr: Element | undefined): FontSlots {
  const fonts = child(rPr, "w:rFonts");
  const slots: FontSlots = {};
  for (const slot of ["eastAsia", "ascii", "hAnsi"] as const) {
    const value = val(fonts, `w:${slot}`);
    if (value !== undefined) slots[slot] = value;
  }
  return slots;
}

function isOn(element: Element | undefined): boolean {
  if (element === undefined) return false;
  const value = val(element);
  return value === undefined || !["0", "false", "off"].includes(value);
}

function runText(run: Element): string {
  return elementChildren(run)
    .map((part) => (part.name === "w:t" ? textContent(part) : part.name === "w:tab" ? "\t" : part.name === "w:br" ? "\n" : ""))
    .join("");
}

function readRun(run: Element): DocxRun {
  const rPr = child(run, "w:rPr");
  const size = num(val(child(rPr, "w:sz")));
  const color = val(child(rPr, "w:color"));
  return {
    text: runText(run),
    bold: isOn(child(rPr, "w:b")),
    font: fontsOf(rPr),
    ...(size === undefined ? {} : { size }),
    ...(color === undefined ? {} : { color }),
  };
}

export function readParagraph(paragraph: Element): DocxParagraph {
  const pPr = child(paragraph, "w:pPr");
  const runs = getElementsByTagName("w:r", paragraph, true).map(readRun);
  const style = val(child(pPr, "w:pStyle"));
  const alignment = val(child(pPr, "w:jc"));
  return {
    text: runs.map((run) => run.text).join(""),
    runs,
    element: paragraph,
    ...(style === undefined ? {} : { style }),
    ...(alignment === undefined ? {} : { alignment }),
  };
}

function readCell(cell: Element): DocxCell {
  const tcPr = child(cell, "w:tcPr");
  const merge = child(tcPr, "w:vMerge");
  const paragraphs = elementChildren(cell, "w:p").map(readParagraph);
  return {
    text: paragraphs.map((paragraph) => paragraph.text).join("\n"),
    gridSpan: num(val(child(tcPr, "w:gridSpan"))) ?? 1,
    vMerge: merge === undefined ? null : val(merge) === "restart" ? "restart" : "continue",
    paragraphs,
  };
}

export function readTable(table: Element): DocxTable {
  const grid = elementChildren(child(table, "w:tblGrid") as Element, "w:gridCol").map((column) => Number(val(column, "w:w")));
  const rows = elementChildren(table, "w:tr").map((row) => elementChildren(row, "w:tc").map(readCell));
  return { grid, rows };
}

function readPage(body: Element): DocxPage | undefined {
  const sectPr = child(body, "w:sectPr");
  const size = child(sectPr, "w:pgSz");
  const margin = child(sectPr, "w:pgMar");
  if (size === undefined || margin === undefined) return undefined;
  const twips = (element: Element, name: string): number => Number(val(element, name));
  return {
    width: twips(size, "w:w"),
    height: twips(size, "w:h"),
    margins: {
      top: twips(margin, "w:top"),
      bottom: twips(margin, "w:bottom"),
      left: twips(margin, "w:left"),
      right: twips(margin, "w:right"),
    },
  };
}

function styleOf(rPr: Element | undefined, pPr: Element | undefined, basedOn?: string): DocxStyle {
  const size = num(val(child(rPr, "w:sz")));
  const alignment = val(child(pPr, "w:jc"));
  return {
    font: fontsOf(rPr),
    bold: isOn(child(rPr, "w:b")),
    ...(size === undefined ? {} : { size }),
    ...(alignment === undefined ? {} : { alignment }),
    ...(basedOn === undefined ? {} : { basedOn }),
  };
}

function readStyles(xml: string | undefined): Map<string, DocxStyle> {
  const styles = new Map<string, DocxStyle>();
  if (xml === undefined) return styles;
  const document = parseDocument(xml, { xmlMode: true });
  const defaults = getElementsByTagName("w:docDefaults", document, true)[0];
  if (defaults !== undefined) {
    const rPr = child(child(defaults, "w:rPrDefault"), "w:rPr");
    const pPr = child(child(defaults, "w:pPrDefault"), "w:pPr");
    styles.set("", styleOf(rPr, pPr));
  }
  for (const style of getElementsByTagName("w:style", document, true)) {
    const id = val(style, "w:styleId");
    if (id === undefined || val(style, "w:type") !== "paragraph") continue;
    styles.set(id, styleOf(child(style, "w:rPr"), child(style, "w:pPr"), val(child(style, "w:basedOn"))));
  }
  return styles;
}

export async function readDocx(bytes: Uint8Array | ArrayBuffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const read = (name: string): Promise<string> | undefined => zip.file(name)?.async("string");
  const documentXml = await read("word/document.xml");
  if (documentXml === undefined) throw new Error("docx-xml: no word/document.xml");
  const document = parseDocument(documentXml, { xmlMode: true });
  const body = getElementsByTagName("w:body", document, true)[0];
  if (body === undefined) throw new Error("docx-xml: no w:body");
  const blocks: DocxBlock[] = elementChildren(body).flatMap((element): DocxBlock[] =>
    element.name === "w:p"
      ? [{ kind: "paragraph", paragraph: readParagraph(element) }]
      : element.name === "w:tbl"
        ? [{ kind: "table", table: readTable(element) }]
        : [],
  );
  const headerNames = files.filter((name) => /^word\/header\d*\.xml$/.test(name)).sort();
  const headers = await Promise.all(
    headerNames.map(async (name) => {
      const header = parseDocument((await read(name)) ?? "", { xmlMode: true });
      return getElementsByTagName("w:p", header, true)
        .map((paragraph) => readParagraph(paragraph).text)
        .join("\n");
    }),
  );
  const page = readPage(body);
  return {
    files,
    documentXml,
    blocks,
    paragraphs: blocks.flatMap((block) => (block.kind === "paragraph" ? [block.paragraph] : [])),
    tables: blocks.flatMap((block) => (block.kind === "table" ? [block.table] : [])),
    headers,
    styles: readStyles(await read("word/styles.xml")),
    ...(page === undefined ? {} : { page }),
  };
}

/** A run's formatting after its paragraph style (and the styles it is based on) and the document defaults. */
export function effectiveRun(
  content: DocxContent,
  paragraph: DocxParagraph,
  run: DocxRun,
): { font: FontSlots; size?: number; bold: boolean } {
  const chain: DocxStyle[] = [];
  const seen = new Set<string>();
  for (let id = paragraph.style; id !== undefined && !seen.has(id); id = content.styles.get(id)?.basedOn) {
    seen.add(id);
    const style = content.styles.get(id);
    if (style !== undefined) chain.push(style);
  }
  const defaults = content.styles.get("");
  if (defaults !== undefined) chain.push(defaults);
  // Nearest wins: the run, then its paragraph style, then what that is based on, then the defaults.
  const font = [...chain].reverse().reduce<FontSlots>((acc, style) => ({ ...acc, ...style.font }), {});
  const size = run.size ?? chain.find((style) => style.size !== undefined)?.size;
  return {
    font: { ...font, ...run.font },
    bold: run.bold || chain.some((style) => style.bold),
    ...(size === undefined ? {} : { size }),
  };
}

/** A table's merge structure, one token per cell: "" | "span3" | "vm:restart" | "span3 vm:continue". */
export function mergeShape(table: DocxTable): string[][] {
  return table.rows.map((row) =>
    row.map((cell) => [cell.gridSpan > 1 ? `span${cell.gridSpan}` : "", cell.vMerge === null ? "" : `vm:${cell.vMerge}`].filter(Boolean).join(" ")),
  );
}

/** Whitespace (including the full-width space templates use in empty cells) removed. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}
