// The document's font table (word/fontTable.xml). The docx library writes an empty one, so a PC
// without 仿宋_GB2312 / 方正小标宋简体 / 楷体_GB2312 had nothing to go on and showed a generic sans
// face. Each face is declared with what a substituting viewer needs: the stock Windows face as
// w:altName (Word and WPS fall back to it), the PANOSE class, charset 86 (GB2312) and the family
// (roman/modern: LibreOffice asks fontconfig for a serif CJK face rather than a sans one).
// Reference: ECMA-376 Part 1, §17.8.3 (fonts), values as the stock Chinese Windows faces carry them.

interface DeclaredFont {
  readonly name: string;
  readonly altName?: string;
  readonly panose: string;
  readonly family: "roman" | "modern" | "swiss" | "auto";
  readonly pitch: "fixed" | "variable";
}

// Faces of a Chinese Windows install: 宋体 SimSun, 黑体 SimHei, 仿宋 FangSong, 楷体 KaiTi.
const SONG = "02010600030101010101";
const HEI = "02010609060101010101";
const FANG = "02010609060101010101";
const KAI = "02010609060101010101";

export const DECLARED_FONTS: readonly DeclaredFont[] = [
  { name: "方正小标宋简体", altName: "宋体", panose: SONG, family: "roman", pitch: "fixed" },
  { name: "仿宋_GB2312", altName: "仿宋", panose: FANG, family: "roman", pitch: "fixed" },
  { name: "楷体_GB2312", altName: "楷体", panose: KAI, family: "roman", pitch: "fixed" },
  { name: "黑体", altName: "SimHei", panose: HEI, family: "modern", pitch: "fixed" },
  { name: "宋体", altName: "SimSun", panose: SONG, family: "roman", pitch: "fixed" },
  { name: "仿宋", altName: "FangSong", panose: FANG, family: "roman", pitch: "fixed" },
  { name: "楷体", altName: "KaiTi", panose: KAI, family: "roman", pitch: "fixed" },
  { name: "FangSong", altName: "仿宋", panose: FANG, family: "roman", pitch: "fixed" },
  { name: "KaiTi", altName: "楷体", panose: KAI, family: "roman", pitch: "fixed" },
  { name: "SimSun", altName: "宋体", panose: SONG, family: "roman", pitch: "fixed" },
  { name: "SimHei", altName: "黑体", panose: HEI, family: "modern", pitch: "fixed" },
  { name: "Times New Roman", panose: "02020603050405020304", family: "roman", pitch: "variable" },
];

/** GB2312, the charset Word and WPS match a substitute on (w:charset takes it in hex). */
const GB2312 = "86";

function fontXml(font: DeclaredFont): string {
  const charset = font.name === "Times New Roman" ? "00" : GB2312;
  return (
    `<w:font w:name="${font.name}">` +
    (font.altName === undefined ? "" : `<w:altName w:val="${font.altName}"/>`) +
    `<w:panose1 w:val="${font.panose}"/><w:charset w:val="${charset}"/>` +
    `<w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`
  );
}

export function fontTableXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    DECLARED_FONTS.map(fontXml).join("") +
    `</w:fonts>`
  );
}
