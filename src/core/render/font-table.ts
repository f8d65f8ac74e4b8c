// The document's font table (word/fontTable.xml). The docx library writes an empty one, so a PC
// without 仿宋_GB2312 / 方正小标宋简体 / 楷体_GB2312 had nothing to go on and showed a generic sans
// face. Each face is declared with what a substituting viewer needs: the stock Windows face as
// w:altName (Word and WPS fall back to it), the PANOSE class, charset 86 (GB2312, the charset Word
// and WPS match a substitute on) and the family (roman/modern: LibreOffice asks fontconfig for a
// serif CJK face rather than a sans one).
// Reference: ECMA-376 Part 1, §17.8.3 (fonts), values as the stock Chinese Windows faces carry them.

// PANOSE classes of a Chinese Windows install: 宋体 SimSun's, and the one 黑体, 仿宋 and 楷体 share.
const SONG = "02010600030101010101";
const HEI_FANG_KAI = "02010609060101010101";

/** Each Chinese face: [name, altName, PANOSE, family]. */
const CHINESE_FACES: readonly (readonly [string, string, string, "roman" | "modern"])[] = [
  ["方正小标宋简体", "宋体", SONG, "roman"],
  ["仿宋_GB2312", "仿宋", HEI_FANG_KAI, "roman"],
  ["楷体_GB2312", "楷体", HEI_FANG_KAI, "roman"],
  ["黑体", "SimHei", HEI_FANG_KAI, "modern"],
  ["宋体", "SimSun", SONG, "roman"],
  ["仿宋", "FangSong", HEI_FANG_KAI, "roman"],
  ["楷体", "KaiTi", HEI_FANG_KAI, "roman"],
  ["FangSong", "仿宋", HEI_FANG_KAI, "roman"],
  ["KaiTi", "楷体", HEI_FANG_KAI, "roman"],
  ["SimSun", "宋体", SONG, "roman"],
  ["SimHei", "黑体", HEI_FANG_KAI, "modern"],
];

const TIMES_NEW_ROMAN =
  `<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
  `<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;

export function fontTableXml(): string {
  const faces = CHINESE_FACES.map(
    ([name, altName, panose, family]) =>
      `<w:font w:name="${name}"><w:altName w:val="${altName}"/><w:panose1 w:val="${panose}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${family}"/><w:pitch w:val="fixed"/></w:font>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `${faces.join("")}${TIMES_NEW_ROMAN}</w:fonts>`
  );
}
