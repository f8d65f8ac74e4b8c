// Every piece of text enters the document through here, so every run is XML-safe and carries its
// fonts explicitly (viewers without our styles still show the right faces).
import { TextRun, type IRunOptions } from "docx";
import { FONTS } from "./page.ts";

// Text that goes into word/document.xml must be legal XML 1.0, or Word refuses to open the file.
// Reference: XML 1.0 §2.2 Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Control characters, U+FFFE/U+FFFF and unpaired surrogates (valid pairs are astral characters).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "");
}

/** Faces and size, always named; bold and colour for the draft mark. */
type RunStyle = Required<Pick<IRunOptions, "font" | "size">> & Pick<IRunOptions, "bold" | "color">;

export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ ...style, text: xmlSafe(text) });
}

/**
 * A run that takes its size and alignment from its paragraph's style but names its faces: with
 * the faces only in the style, LibreOffice set table text in a sans face, not the serif one
 * substituted for 仿宋_GB2312 in the body.
 */
export function plainRun(text: string): TextRun {
  return new TextRun({ text: xmlSafe(text), font: FONTS.table });
}
