// The national format as data (国办公开办函〔2021〕30号; spec report-format.md): every table, row and
// column with its stable id and official label, read by interview, rules, renderer and importer.
// Official labels are document content (Chinese in every UI language), not UI strings.

export type Unit = "count" | "wanYuan";

export interface Column {
  readonly key: string;
  readonly label: string;
}

// ---------------------------------------------------------------- table 2

export interface T2Column {
  /** null where the block has a single value column (the cell id is then `t2.<row>`). */
  readonly key: string | null;
  readonly label: string;
}
export type T2Row = Column;
export interface T2Block {
  readonly key: string;
  /** Header row spanning all four columns. */
  readonly article: string;
  readonly columns: readonly T2Column[];
  readonly rows: readonly T2Row[];
  readonly unit: Unit;
}

const DECISIONS: readonly T2Column[] = [{ key: null, label: "本年处理决定数量" }];

export const T2_BLOCKS: readonly T2Block[] = [
  {
    key: "art20.1",
    article: "第二十条第（一）项",
    columns: [
      { key: "issued", label: "本年制发件数" },
      { key: "repealed", label: "本年废止件数" },
      { key: "inForce", label: "现行有效件数" },
    ],
    rows: [{ key: "rules", label: "规章" }, { key: "normative", label: "行政规范性文件" }],
    unit: "count",
  },
  { key: "art20.5", article: "第二十条第（五）项", columns: DECISIONS, rows: [{ key: "licensing", label: "行政许可" }], unit: "count" },
  {
    key: "art20.6",
    article: "第二十条第（六）项",
    columns: DECISIONS,
    rows: [{ key: "penalty", label: "行政处罚" }, { key: "coercion", label: "行政强制" }],
    unit: "count",
  },
  {
    key: "art20.8",
    article: "第二十条第（八）项",
    columns: [{ key: null, label: "本年收费金额（单位：万元）" }],
    rows: [{ key: "fees", label: "行政事业性收费" }],
    unit: "wanYuan",
  },
];

/** The label of the first column of every table-2 block's title row. */
export const T2_CONTENT_HEADER = "信息内容";

export function t2CellId(row: T2Row, column: T2Column): string {
  return column.key === null ? `t2.${row.key}` : `t2.${row.key}.${column.key}`;
}

// ---------------------------------------------------------------- table 3

/** The six applicant columns an officer types; 总计 is derived. */
export const T3_APPLICANT_COLUMNS: readonly Column[] = [
  { key: "natural", label: "自然人" },
  { key: "business", label: "商业企业" },
  { key: "research", label: "科研机构" },
  { key: "nonprofit", label: "社会公益组织" },
  { key: "legal", label: "法律服务机构" },
  { key: "other", label: "其他" },
];
export const T3_TOTAL_COLUMN: Column = { key: "total", label: "总计" };
export const T3_COLUMNS: readonly Column[] = [...T3_APPLICANT_COLUMNS, T3_TOTAL_COLUMN];
export const T3_HEADER = {
  note: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  applicants: "申请人情况",
  organisations: "法人或其他组织",
} as const;

export type T3Part = "new" | "carriedOver" | "result" | "carriedForward";

export interface T3Row {
  /** Row id inside `t3.<row>.<column>`. */
  readonly key: string;
  readonly part: T3Part;
  /** Label of the first label column: 一、… 二、… 三、本年度办理结果 四、… */
  readonly level1: string;
  /** Second label column for result rows: （一）…（七）. */
  readonly level2?: string;
  /** Third label column for items of a group: 1.… */
  readonly level3?: string;
  /** The group key for itemised result groups (withheld, unavailable, …). */
  readonly group?: string;
  /** （七）总计 is computed, never typed. */
  readonly derived?: boolean;
}

const RESULTS = "三、本年度办理结果";

interface ResultGroup {
  readonly key: string;
  readonly label: string;
  readonly items?: readonly (readonly [key: string, label: string])[];
}

const RESULT_GROUPS: readonly ResultGroup[] = [
  { key: "granted", label: "（一）予以公开" },
  { key: "partial", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
  {
    key: "withheld",
    label: "（三）不予公开",
    items: [
      ["stateSecret", "1.属于国家秘密"],
      ["lawProhibited", "2.其他法律行政法规禁止公开"],
      ["securityStability", "3.危及“三安全一稳定”"],
      ["thirdParty", "4.保护第三方合法权益"],
      ["internalAffairs", "5.属于三类内部事务信息"],
      ["processInfo", "6.属于四类过程性信息"],
      ["enforcementFile", "7.属于行政执法案卷"],
      ["inquiry", "8.属于行政查询事项"],
    ],
  },
  {
    key: "unavailable",
    label: "（四）无法提供",
    items: [
      ["notHeld", "1.本机关不掌握相关政府信息"],
      ["needsCreation", "2.没有现成信息需要另行制作"],
      ["unclear", "3.补正后申请内容仍不明确"],
    ],
  },
  {
    key: "notProcessed",
    label: "（五）不予处理",
    items: [
      ["petition", "1.信访举报投诉类申请"],
      ["duplicate", "2.重复申请"],
      ["publication", "3.要求提供公开出版物"],
      ["excessive", "4.无正当理由大量反复申请"],
      ["confirmation", "5.要求行政机关确认或重新出具已获取信息"],
    ],
  },
  {
    key: "otherHandling",
    label: "（六）其他处理",
    items: [
      ["noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
      ["unpaidFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
      ["other", "3.其他"],
    ],
  },
];

/** Result groups in order, with their rows: what the renderer merges and the interview groups. */
export const T3_RESULT_GROUPS: readonly { key: string; label: string; rows: readonly T3Row[] }[] = RESULT_GROUPS.map(
  ({ key, label, items }) => ({
    key,
    label,
    rows:
      items === undefined
        ? [{ key, part: "result", level1: RESULTS, level2: label }]
        : items.map(([item, itemLabel]): T3Row => ({
            key: `${key}.${item}`,
            part: "result",
            level1: RESULTS,
            level2: label,
            level3: itemLabel,
            group: key,
          })),
  }),
);

/** The 21 result rows (granted … otherHandling.other) whose sum is （七）总计. */
export const T3_RESULT_ROWS: readonly T3Row[] = T3_RESULT_GROUPS.flatMap((group) => group.rows);

export const T3_RESULT_TOTAL_ROW: T3Row = {
  key: "resultTotal",
  part: "result",
  level1: RESULTS,
  level2: "（七）总计",
  derived: true,
};

/** All 25 rows of table 3 in document order. */
export const T3_ROWS: readonly T3Row[] = [
  { key: "new", part: "new", level1: "一、本年新收政府信息公开申请数量" },
  { key: "carriedOver", part: "carriedOver", level1: "二、上年结转政府信息公开申请数量" },
  ...T3_RESULT_ROWS,
  T3_RESULT_TOTAL_ROW,
  { key: "carriedForward", part: "carriedForward", level1: "四、结转下年度继续办理" },
];

export function t3CellId(rowKey: string, columnKey: string): string {
  return `t3.${rowKey}.${columnKey}`;
}

/** The label an officer recognises: 「三、本年度办理结果（三）不予公开 1.属于国家秘密」. */
export function t3RowLabel(row: T3Row): string {
  return [row.level1, row.level2, row.level3].filter((part) => part !== undefined).join("");
}

// ---------------------------------------------------------------- table 4

export interface T4Group {
  readonly key: string;
  /** 行政复议 or 行政诉讼 */
  readonly kind: string;
  /** 未经复议直接起诉 / 复议后起诉 under 行政诉讼. */
  readonly sub?: string;
}

export const T4_GROUPS: readonly T4Group[] = [
  { key: "review", kind: "行政复议" },
  { key: "suitDirect", kind: "行政诉讼", sub: "未经复议直接起诉" },
  { key: "suitAfterReview", kind: "行政诉讼", sub: "复议后起诉" },
];

export const T4_OUTCOME_COLUMNS: readonly Column[] = [
  { key: "upheld", label: "结果维持" },
  { key: "corrected", label: "结果纠正" },
  { key: "other", label: "其他结果" },
  { key: "pending", label: "尚未审结" },
];
export const T4_TOTAL_COLUMN: Column = { key: "total", label: "总计" };
export const T4_COLUMNS: readonly Column[] = [...T4_OUTCOME_COLUMNS, T4_TOTAL_COLUMN];

export function t4CellId(groupKey: string, columnKey: string): string {
  return `t4.${groupKey}.${columnKey}`;
}
