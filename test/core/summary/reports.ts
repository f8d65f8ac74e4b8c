// Report builders for the summary tests: every input cell set to one number, with overrides.
import { INPUT_CELL_IDS } from "../../../src/core/report/cells.ts";
import type { Report, Values } from "../../../src/core/report/schema.ts";

export function filledReport(each: number, fees: number, overrides: Values = {}, year = 2024): Report {
  const values: Values = {};
  for (const id of INPUT_CELL_IDS) values[id] = each;
  values["t2.fees"] = fees;
  return { format: "nianbao.report/1", meta: { year }, text: {}, values: { ...values, ...overrides } };
}

export function without(report: Report, ...ids: string[]): Report {
  const values = { ...report.values };
  for (const id of ids) delete values[id];
  return { ...report, values };
}
