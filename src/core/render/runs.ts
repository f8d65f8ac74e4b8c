// Every piece of text enters the document through here, so every run is XML-safe and carries its
// fonts explicitly (viewers without our styles still show the right faces).
import { TextRun, type IRunOptions } from "docx";
import { FONTS } from "./page.ts";
import { xmlSafe } from "./xml-text.ts";

export interface RunStyle {
  readonly font: NonNullable<IRunOptions["font"]>;
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
}

export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    font: style.font,
    size: style.size,
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.color === undefined ? {} : { color: style.color }),
  });
}

/**
 * A run that takes its size and alignment from its paragraph's style but names its faces: with
 * the faces only in the style, LibreOffice set table text in a sans face, not the serif one
 * substituted for 仿宋_GB2312 in the body.
 */
export function plainRun(text: string): TextRun {
  return new TextRun({ text: xmlSafe(text), font: FONTS.table });
}
