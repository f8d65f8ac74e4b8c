// Plain text → blocks. Two layouts occur: the seed's (text flattened from a .docx: every table
// cell a tab-indented line, rows separated by blank lines) and web copies (one line per row,
// cells separated by tabs, pipes or spaces). Web rows stay paragraphs here; rows.ts tokenises them.
import { type Block, paragraph, table } from "./blocks.ts";
import { clean } from "./normalise.ts";

export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let rows: string[][] | null = null;
  let row: string[] = [];

  const endRow = (): void => {
    if (rows !== null && row.length > 0) rows.push(row);
    row = [];
  };
  const endTable = (): void => {
    endRow();
    if (rows !== null && rows.length > 0) blocks.push(table(rows));
    rows = null;
  };

  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = clean(rawLine);
    // A web row exported with tabs (`\t\t1\t0…`, merged label cells empty) has several; a seed cell one.
    if (line.includes("\t") && line.trim().includes("\t")) {
      endTable();
      blocks.push(paragraph(line.trimEnd()));
    } else if (line.startsWith("\t")) {
      rows ??= [];
      row.push(line.slice(1).trim());
    } else if (line.trim() === "") {
      endRow();
    } else {
      endTable();
      blocks.push(paragraph(line.trim()));
    }
  }
  endTable();
  return blocks;
}
