// The supervisor's views of one office, checked against viewStatus/viewSummary first: the board, and
// the summary (.docx in the official layout, a draft while anything is missing, and an .xlsx).
import type { Calendar } from "../core/deadline/calendar.ts";
import { departmentsOf, memberOfficeId, membershipsOf, officeById } from "../core/org/org-ops.ts";
import type { Org } from "../core/org/org-schema.ts";
import { can, isAdmin } from "../core/org/permissions.ts";
import { INPUT_CELL_IDS } from "../core/report/cells.ts";
import { missingParts } from "../core/report/check.ts";
import { TITLE_SUFFIX } from "../core/report/narrative.ts";
import { aggregateOffice, summaryLines, type DepartmentReport, type Include } from "../core/summary/aggregate.ts";
import { boardLines, statusBoard } from "../core/summary/board.ts";
import type { Line } from "../core/summary/line.ts";
import type { DepartmentColumn, SheetText } from "../xlsx/summary-xlsx.ts";
import type { App } from "./app.ts";
import { hardErrors, renderReport, summaryWorkbook } from "./report-document.ts";
import { lifecycleStatus } from "./lifecycle-service.ts";
import { safeFileName } from "../core/report/names.ts";

/** What a view of an office gives, or why it is refused. */
type Viewed<T> = ({ ok: true } & T) | { ok: false; error: "denied" | "no-office" };

interface SummaryFiles {
  readonly lines: Line[];
  readonly docx: Uint8Array;
  readonly xlsx: Uint8Array;
  readonly draft: boolean;
  readonly docxName: string;
  readonly xlsxName: string;
}

export function createSummaryService(app: Pick<App, "store" | "adminIds" | "now">, org: () => Promise<Org>, calendar: () => Promise<Calendar>) {
  async function departmentReports(current: Org, officeId: string, year: number): Promise<(DepartmentReport & { updatedAt: string })[]> {
    const reports: (DepartmentReport & { updatedAt: string })[] = [];
    for (const department of departmentsOf(current, officeId)) {
      const stored = await app.store.reports.getReport({ departmentId: department.id, year });
      if (stored === null) continue;
      reports.push({ departmentId: department.id, status: lifecycleStatus(stored.status), report: stored.report, updatedAt: stored.updatedAt });
    }
    return reports;
  }

  return {
    /** The office a supervisor or leader belongs to (admins: the only office). */
    async officeOf(userId: string): Promise<string | undefined> {
      const current = await org();
      for (const member of membershipsOf(current, userId)) {
        if (member.role !== "supervisor" && member.role !== "leader") continue;
        const office = memberOfficeId(current, member);
        if (office !== undefined) return office;
      }
      const only = current.offices.length === 1 ? current.offices[0]?.id : undefined;
      return isAdmin(current, userId, app.adminIds) ? only : undefined;
    },

    async board(userId: string, officeId: string, year: number): Promise<Viewed<{ lines: Line[] }>> {
      const current = await org();
      if (officeById(current, officeId) === undefined) return { ok: false, error: "no-office" };
      if (!can(current, userId, "viewStatus", { officeId }, app.adminIds)) return { ok: false, error: "denied" };
      const entries = (await departmentReports(current, officeId, year)).map((entry) => ({
        departmentId: entry.departmentId,
        status: entry.status,
        done: INPUT_CELL_IDS.length - missingParts(entry.report).cells.length,
        hardErrors: hardErrors(entry.report),
        lastActivity: entry.updatedAt,
      }));
      const board = statusBoard({ org: current, officeId, year, now: app.now(), calendar: await calendar(), entries });
      return { ok: true, lines: boardLines(board) };
    },

    async summary(userId: string, officeId: string, year: number, include: Include, t: SheetText): Promise<Viewed<SummaryFiles>> {
      const current = await org();
      const office = officeById(current, officeId);
      if (office === undefined) return { ok: false, error: "no-office" };
      if (!can(current, userId, "viewSummary", { officeId }, app.adminIds)) return { ok: false, error: "denied" };
      const reports = await departmentReports(current, officeId, year);
      const summary = aggregateOffice({ org: current, officeId, year, reports, include, hardErrors });
      const draft = summary.missing.length > 0 || summary.failing.length > 0 || summary.missingCells.length > 0 || summary.included.length === 0;
      const title = `${office.name}${year}年${TITLE_SUFFIX}（汇总）`;
      const docx = await renderReport(summary.report, { draft, title });
      const columns: DepartmentColumn[] = departmentsOf(current, officeId).map((department) => {
        const entry = reports.find((candidate) => candidate.departmentId === department.id);
        return { name: department.name, status: entry?.status ?? "none", ...(entry === undefined ? {} : { report: entry.report }) };
      });
      const xlsx = await summaryWorkbook(summary, columns, t);
      return { ok: true, lines: summaryLines(summary, current), docx, xlsx, draft, docxName: `${safeFileName(title)}.docx`, xlsxName: `${safeFileName(title)}.xlsx` };
    },
  };
}
