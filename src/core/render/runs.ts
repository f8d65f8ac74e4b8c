// Every run enters here: XML-safe, fonts named (viewers without our styles still show the right faces).
import { TextRun, type IRunOptions } from "docx";
import { FONTS } from "./page.ts";

// Word refuses a file with text outside XML 1.0 §2.2 Char: controls, U+FFFE/U+FFFF, unpaired surrogates.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "");
}

/** Bold and colour: the draft mark. */
type RunStyle = Required<Pick<IRunOptions, "font" | "size">> & Pick<IRunOptions, "bold" | "color">;

export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ ...style, text: xmlSafe(text) });
}

// Size from the paragraph style, faces named: with faces only in the style LibreOffice set table text in sans.
export function plainRun(text: string): TextRun {
  return new TextRun({ text: xmlSafe(text), font: FONTS.table });
}
