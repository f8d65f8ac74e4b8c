// Test reports: small, explicit and independent of the checker. Totals are worked out here by
// hand or with plain loops over the format data, never with arithmetic.ts or check.ts.
import { APPLICANT_KEYS, INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import { T3_RESULT_ROWS, T3_ROWS, T4_GROUPS, T4_OUTCOME_COLUMNS, t3CellId, t4CellId } from "../../src/core/report/format.ts";
import type { Report, Texts, Values } from "../../src/core/report/schema.ts";

/** Texts that satisfy every narrative check for zero figures (六 mentions 信息处理费). */
export const ZERO_TEXTS: Texts = {
  "s1.active": "本机关依托门户网站做好主动公开工作，及时发布机构职能、政策文件和办事指南。本年度无行政许可、行政处罚和行政强制事项。",
  "s1.onRequest": "本机关畅通依申请公开渠道，规范受理、登记、答复流程，本年度未收到政府信息公开申请。",
  "s1.management": "严格执行公开前保密审查，落实信息发布审核制度，确保公开内容准确规范。",
  "s1.platform": "持续优化政府信息公开专栏，及时更新栏目内容，提升平台的可用性和检索便利度。",
  "s1.oversight": "明确分管领导和专职人员，将政务公开纳入年度考核，主动接受社会监督。",
  "s5.problems": "主动公开的深度和广度仍有不足。下一步将梳理公开事项清单，加强对业务科室的培训和指导。",
  "s6.other": "本年度未收取信息处理费。",
};

/** Every input cell 0; texts that fit. */
export function zeroReport(year = 2022): Report {
  const values: Values = {};
  for (const id of INPUT_CELL_IDS) values[id] = 0;
  return { format: "nianbao.report/1", meta: { agency: "测试区应急管理局", year }, text: { ...ZERO_TEXTS }, values };
}

/**
 * Nonzero consistent figures in every table. Table 3, applicant column i (0…5): 一 new = i+7,
 * 二 carriedOver = 1; results granted = i+1 and 1 each in partial, withheld.thirdParty,
 * unavailable.notHeld, notProcessed.duplicate, otherHandling.noCorrection, so （七） = i+6;
 * 四 carriedForward = 2. Column totals: new 57, carriedOver 6, （七） 51, carriedForward 12.
 */
export const BUSY = {
  t2: {
    "t2.rules.issued": 2,
    "t2.rules.repealed": 1,
    "t2.rules.inForce": 15,
    "t2.normative.issued": 12,
    "t2.normative.repealed": 3,
    "t2.normative.inForce": 80,
    "t2.licensing": 640,
    "t2.penalty": 83,
    "t2.coercion": 5,
    "t2.fees": 12.5,
  },
  t4: {
    "t4.review.upheld": 3,
    "t4.review.corrected": 1,
    "t4.review.other": 1,
    "t4.review.pending": 0,
    "t4.suitDirect.upheld": 2,
    "t4.suitDirect.corrected": 0,
    "t4.suitDirect.other": 1,
    "t4.suitDirect.pending": 1,
    "t4.suitAfterReview.upheld": 1,
    "t4.suitAfterReview.corrected": 1,
    "t4.suitAfterReview.other": 0,
    "t4.suitAfterReview.pending": 0,
  },
  onesIn: ["partial", "withheld.thirdParty", "unavailable.notHeld", "notProcessed.duplicate", "otherHandling.noCorrection"],
} as const;

export const BUSY_TEXTS: Texts = {
  ...ZERO_TEXTS,
  "s1.active": "本机关依托门户网站做好主动公开工作，及时发布机构职能、政策文件和办事指南。本年作出行政许可决定640件，行政处罚83件，行政强制5件。",
  "s1.onRequest": "本年新收政府信息公开申请57件，上年结转6件，均已依法按时答复。",
};

export function busyReport(year = 2022): Report {
  const values: Values = { ...BUSY.t2, ...BUSY.t4 };
  APPLICANT_KEYS.forEach((column, i) => {
    for (const row of T3_RESULT_ROWS) values[t3CellId(row.key, column)] = 0;
    values[t3CellId("new", column)] = i + 7;
    values[t3CellId("carriedOver", column)] = 1;
    values[t3CellId("granted", column)] = i + 1;
    for (const row of BUSY.onesIn) values[t3CellId(row, column)] = 1;
    values[t3CellId("carriedForward", column)] = 2;
  });
  return { format: "nianbao.report/1", meta: { agency: "测试区应急管理局", year }, text: { ...BUSY_TEXTS }, values };
}

/** Texts for a previous year, worded differently from ZERO_TEXTS / BUSY_TEXTS. */
export const LAST_YEAR_TEXTS: Texts = {
  "s1.active": "去年围绕重点领域信息公开，集中发布了财政预决算、安全生产监管和应急救援等方面的信息。",
  "s1.onRequest": "去年依申请公开工作总体平稳，答复均在法定期限内完成，没有引发行政争议。",
  "s1.management": "去年修订了信息发布管理办法，建立了公开属性源头认定机制。",
  "s1.platform": "去年完成了网站集约化迁移，对历史栏目进行了清理归并。",
  "s1.oversight": "去年组织了两次政务公开专题培训，并开展了自查自纠。",
  "s5.problems": "去年存在的问题是政策解读形式单一，回应关切不够及时。已通过增加图解和视频解读加以改进。",
  "s6.other": "去年未收取信息处理费。",
};

/**
 * A previous-year report consistent with `report`: its 四 carriedForward equals this year's
 * 二 carriedOver, and its 现行有效 + this year's 制发 − 废止 gives this year's 现行有效.
 */
export function previousYear(report: Report): Report {
  const values: Values = {};
  for (const id of INPUT_CELL_IDS) values[id] = 0;
  for (const column of APPLICANT_KEYS) {
    const carried = report.values[t3CellId("carriedOver", column)] ?? 0;
    values[t3CellId("new", column)] = carried + 3;
    values[t3CellId("granted", column)] = 3;
    values[t3CellId("carriedForward", column)] = carried;
  }
  for (const row of ["rules", "normative"]) {
    const now = (key: string) => report.values[`t2.${row}.${key}`] ?? 0;
    values[`t2.${row}.inForce`] = now("inForce") - now("issued") + now("repealed");
  }
  const year = report.meta.year === undefined ? 2021 : report.meta.year - 1;
  return { format: "nianbao.report/1", meta: { ...report.meta, year }, text: { ...LAST_YEAR_TEXTS }, values };
}

/** A copy with some values replaced; `undefined` removes the cell (unanswered). */
export function withValues(report: Report, overrides: Readonly<Record<string, number | undefined>>): Report {
  const values: Values = { ...report.values };
  for (const [id, value] of Object.entries(overrides)) {
    if (value === undefined) delete values[id];
    else values[id] = value;
  }
  return { ...report, values };
}

/** A copy carrying values the schema would reject (strings, NaN, unknown ids): bad data for the checker. */
export function withBadValues(report: Report, overrides: Readonly<Record<string, unknown>>): Report {
  return { ...report, values: { ...report.values, ...overrides } as Values };
}

/** A copy with some texts replaced; `undefined` removes the part. */
export function withText(report: Report, overrides: Readonly<Record<string, string | undefined>>): Report {
  const text: Texts = { ...report.text };
  for (const [id, value] of Object.entries(overrides)) {
    if (value === undefined) delete text[id];
    else text[id] = value;
  }
  return { ...report, text };
}

/** What an imported document prints: the typed cells plus every total, summed here with plain loops. */
export function withPrintedTotals(report: Report): Report {
  const values: Values = { ...report.values };
  const cell = (id: string) => values[id] ?? 0;
  for (const column of APPLICANT_KEYS) {
    values[t3CellId("resultTotal", column)] = T3_RESULT_ROWS.reduce((sum, row) => sum + cell(t3CellId(row.key, column)), 0);
  }
  for (const row of T3_ROWS) {
    values[t3CellId(row.key, "total")] = APPLICANT_KEYS.reduce((sum, column) => sum + cell(t3CellId(row.key, column)), 0);
  }
  for (const group of T4_GROUPS) {
    values[t4CellId(group.key, "total")] = T4_OUTCOME_COLUMNS.reduce((sum, column) => sum + cell(t4CellId(group.key, column.key)), 0);
  }
  return { ...report, values };
}
