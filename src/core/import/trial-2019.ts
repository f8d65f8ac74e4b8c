// The trial format 国办公开办函〔2019〕60号, read in its own shape (spec "Older and variant layouts met
// on import"): its own table 2, a single （六）其他处理 row in table 3; what matches 2021 rolls forward.
import { T3_COLUMNS, T3_RESULT_ROWS, T3_ROWS, T4_COLUMNS, T4_GROUPS, t3CellId, t3RowLabel, t4CellId } from "../report/format.ts";
import { sumOf } from "../report/arithmetic.ts";
import type { Finding } from "../report/findings.ts";
import type { ImportNote } from "./import-result.ts";
import { bestMatch, compact, labelKey } from "./normalise.ts";
import { labelThenValues, type Row, tokensOf } from "./rows.ts";

type Labelled = { readonly key: string; readonly label: string };

const PREVIOUS = { key: "previous", label: "上一年项目数量" };
const CHANGE = { key: "change", label: "本年增/减" };
const DECISIONS = { key: "decisions", label: "处理决定数量" };

const TRIAL_T2: readonly { readonly columns: readonly Labelled[]; readonly rows: readonly Labelled[] }[] = [
  {
    columns: [{ key: "made", label: "本年新制作数量" }, { key: "published", label: "本年新公开数量" }, { key: "total", label: "对外公开总数量" }],
    rows: [{ key: "rules", label: "规章" }, { key: "normative", label: "规范性文件" }],
  },
  { columns: [PREVIOUS, CHANGE, DECISIONS], rows: [{ key: "licensing", label: "行政许可" }, { key: "otherServices", label: "其他对外管理服务事项" }] },
  { columns: [PREVIOUS, CHANGE, DECISIONS], rows: [{ key: "penalty", label: "行政处罚" }, { key: "coercion", label: "行政强制" }] },
  { columns: [PREVIOUS, CHANGE], rows: [{ key: "fees", label: "行政事业性收费" }] },
  { columns: [{ key: "count", label: "采购项目数量" }, { key: "amount", label: "采购总金额" }], rows: [{ key: "procurement", label: "政府集中采购" }] },
];

// Column and row titles that exist only in the 2019 table 2.
const MARKERS_2019 = ["第二十条第(九)项", "政府集中采购", "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购总金额"];

/** The 2019 marker found in the tables, or null for the 2021 format. */
export function format2019Marker(table2: readonly Row[], table3: readonly Row[]): string | null {
  for (const row of table2) {
    const text = compact(row.cells.join(""));
    const marker = MARKERS_2019.find((candidate) => text.includes(candidate));
    if (marker !== undefined) return marker;
  }
  // 2019: 「（六）其他处理」 carries numbers itself; 2021 itemises it (1.申请人无正当理由逾期不补正…).
  const labels = table3.map((row) => compact(row.cells.join("")));
  const single = labels.some((text) => /其他处理\d/u.test(text));
  const itemised = labels.some((text) => text.includes("逾期不补正"));
  return single && !itemised ? "(六)其他处理" : null;
}

const OTHER_HANDLING = "otherHandling";
/** Table-3 rows of the trial format: the 2021 ones with （六）其他处理 as one row. */
const TRIAL_T3_KEYS = [...new Set(T3_ROWS.map((row) => (row.group === OTHER_HANDLING ? OTHER_HANDLING : row.key)))];
const TRIAL_RESULT_KEYS = [...new Set(T3_RESULT_ROWS.map((row) => (row.group === OTHER_HANDLING ? OTHER_HANDLING : row.key)))];

export interface TrialReport {
  readonly values: Readonly<Record<string, number>>;
}

// 本年增/减 may be negative (−3); every other trial cell is a count or an amount.
const SIGNED = /^[+\-−]?\d+(?:\.\d+)?$/u;

function trialNumber(text: string): number | undefined {
  const plain = compact(text).replace("−", "-");
  return SIGNED.test(plain) ? Number(plain) : undefined;
}

const T2_ROWS = TRIAL_T2.flatMap((block) => block.rows.map((row) => ({ block, row })));
const T2_CANDIDATES = T2_ROWS.map(({ row }) => [labelKey(row.label)]);

// Tables 3 and 4 come from the 2021 readers: （六）其他处理 is read as 「3.其他」 and renamed here.
export function readTrial(
  rows2: readonly Row[],
  read2021: Readonly<Record<string, number>>,
  notes2021: readonly ImportNote[],
): { trial: TrialReport; notes: ImportNote[] } {
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  for (const row of rows2) {
    const { label, values: cells } = labelThenValues(row);
    const target = T2_ROWS[bestMatch(labelKey(label.join("")), T2_CANDIDATES)];
    if (target === undefined || cells.length === 0) continue;
    const tokens = row.exact ? cells : tokensOf(cells);
    const numbers = tokens.slice(-target.block.columns.length).map(trialNumber);
    if (tokens.length < target.block.columns.length || numbers.some((value) => value === undefined)) {
      notes.push({ code: "row-unreadable", params: { row: target.row.label, text: cells.join(" ") } });
      continue;
    }
    target.block.columns.forEach((column, index) => {
      const value = numbers[index];
      if (value !== undefined) values[`t2.${target.row.key}.${column.key}`] = value;
    });
  }
  for (const [id, value] of Object.entries(read2021)) {
    if (id.startsWith("t2.")) continue;
    values[id.replace(/^t3\.otherHandling\.other\./u, "t3.otherHandling.")] = value;
  }
  // The three itemised （六） rows of 2021 are one row here: their absence is no gap.
  const itemised = new Set(T3_ROWS.filter((row) => row.group === OTHER_HANDLING).map(t3RowLabel));
  notes.push(...notes2021.filter((note) => !(note.code === "row-missing" && itemised.has(String(note.params?.["row"])))));
  // Trial cells without a 2021 counterpart (table 2 and （六）其他处理), by label.
  const alone = TRIAL_T2.flatMap((block) => {
    const columns = block.columns.map((column) => column.label).join("/");
    return block.rows.map((row) => `${row.label}（${columns}）`);
  });
  const cells = [...alone, "三、本年度办理结果（六）其他处理"].join("、");
  notes.push({ code: "trial-2019-no-counterpart", params: { cells } });
  return { trial: { values }, notes };
}

// The printed （七）总计 is left out: it counts （六） whole, the 2021 sum cannot check it.
export function counterpartValues(trial: TrialReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(trial.values)) {
    const t3 = id.startsWith("t3.") && !id.startsWith(`t3.${OTHER_HANDLING}.`) && !id.startsWith("t3.resultTotal.");
    if (t3 || id.startsWith("t4.")) out[id] = value;
  }
  return out;
}

/** Row totals, （七）总计, 一+二 = 三（七）+四, table-4 totals. */
export function checkTrial(trial: TrialReport): Finding[] {
  const v = trial.values;
  const findings: Finding[] = [];
  const total = (rule: string, target: string, addends: readonly string[]): void => {
    const [actual, expected] = [v[target], sumOf(v, addends)];
    if (actual !== undefined && expected !== undefined && actual !== expected) findings.push({ rule, severity: "error", cells: [target, ...addends], expected, actual });
  };
  const applicants = T3_COLUMNS.slice(0, -1).map((column) => column.key);
  for (const row of TRIAL_T3_KEYS) total("t3-row-total", t3CellId(row, "total"), applicants.map((column) => t3CellId(row, column)));
  for (const column of T3_COLUMNS) {
    total("t3-result-total", t3CellId("resultTotal", column.key), TRIAL_RESULT_KEYS.map((row) => t3CellId(row, column.key)));
    const handled = v[t3CellId("resultTotal", column.key)] ?? sumOf(v, TRIAL_RESULT_KEYS.map((row) => t3CellId(row, column.key)));
    const left = sumOf(v, [t3CellId("new", column.key), t3CellId("carriedOver", column.key)]);
    const forward = v[t3CellId("carriedForward", column.key)];
    if (left !== undefined && handled !== undefined && forward !== undefined && left !== handled + forward) {
      findings.push({ rule: "t3-balance", severity: "error", cells: [t3CellId("new", column.key)], expected: left, actual: handled + forward, params: { column: column.label, left, right: handled + forward } });
    }
  }
  for (const group of T4_GROUPS) total("t4-group-total", t4CellId(group.key, "total"), T4_COLUMNS.slice(0, -1).map((column) => t4CellId(group.key, column.key)));
  return findings;
}
