// The supervisor's decisions, whatever the channel: reading, returning (where to look, then the comment
// as the next message), the deadline. Each checks permissions: forged data naming another office is refused.
import { departmentById } from "../core/org/org-ops.ts";
import { can } from "../core/org/permissions.ts";
import { safeFileName } from "../core/report/names.ts";
import type { Jump } from "../core/lifecycle/lifecycle.ts";
import { CELLS } from "../core/report/cells.ts";
import { NARRATIVE_PARTS, SECTIONS } from "../core/report/narrative.ts";
import type { App } from "./app.ts";
import type { ReportKey, Via } from "./report-record.ts";
import type { ActOutcome, LifecycleService } from "./lifecycle-service.ts";
import type { OrgService } from "./org-service.ts";
import { reportDocument } from "./report-document.ts";
import { patchSession, readSession } from "./user-session.ts";

/** Where a return can point: a table's rows (first input cell) or a section's parts. Choices carry the index. */
type ReturnTarget = { readonly section: string; readonly label: string; readonly jump: Jump };
export const RETURN_TARGETS: readonly ReturnTarget[] = SECTIONS.flatMap((section): ReturnTarget[] => {
  if (section.table === undefined) {
    const parts = NARRATIVE_PARTS.filter((part) => part.section === section.key);
    return parts.map((part) => ({ section: section.key, label: part.lead ?? section.heading, jump: { part: part.id } }));
  }
  const inputs = CELLS.filter((cell) => cell.table === section.table && cell.kind === "input");
  const firstOfRow = inputs.filter((cell, i) => inputs.findIndex((other) => other.row === cell.row) === i);
  return firstOfRow.map((cell) => ({ section: section.key, label: cell.rowLabel, jump: { cell: cell.id } }));
});

type DownloadOutcome = { ok: true; bytes: Uint8Array; fileName: string } | { ok: false; error: "denied" | "no-report" };
type DeadlineOutcome = { ok: true } | { ok: false; error: string };

export function createSupervisionService(app: App, org: OrgService, lifecycle: LifecycleService) {
  const mayReturn = async (userId: string, key: ReportKey): Promise<boolean> => can(await org.org(), userId, "returnReport", { departmentId: key.departmentId }, app.adminIds);
  return {
    async departmentName(key: ReportKey): Promise<string> {
      return departmentById(await org.org(), key.departmentId)?.name ?? key.departmentId;
    },
    async download(userId: string, key: ReportKey): Promise<DownloadOutcome> {
      if (!can(await org.org(), userId, "viewReport", { departmentId: key.departmentId }, app.adminIds)) return { ok: false, error: "denied" };
      const stored = await app.store.reports.getReport(key);
      if (stored === null) return { ok: false, error: "no-report" };
      const document = await reportDocument(stored.report);
      return { ok: true, bytes: document.bytes, fileName: `${safeFileName(document.title)}.docx` };
    },
    mayReturn,
    /** Remembers where the report goes back; false when the user may not return it. */
    async startReturn(userId: string, key: ReportKey, target: Jump | undefined): Promise<boolean> {
      if (!(await mayReturn(userId, key))) return false;
      await patchSession(app.store, userId, { supervisionReturn: { ...key, ...(target === undefined ? {} : { target }) } });
      return true;
    },
    /** Returns the pending report with this comment; undefined when nothing was pending. */
    async finishReturn(userId: string, comment: string, via?: Via): Promise<{ key: ReportKey; outcome: ActOutcome } | undefined> {
      const session = await readSession(app.store, userId);
      const done = session.supervisionReturned;
      if (session.supervisionReturn === undefined && done !== undefined && done.update === via?.updateId) {
        // The comment of a return already made, delivered again: the same answer, nothing changes.
        const key = { departmentId: done.departmentId, year: done.year };
        return { key, outcome: await lifecycle.returnReport(userId, key, { comment }, via) };
      }
      const pending = session.supervisionReturn;
      if (pending === undefined) return undefined;
      const key = { departmentId: pending.departmentId, year: pending.year };
      // Returned first, forgotten after: a crash between re-delivers the comment, which finds the step made.
      const outcome = await lifecycle.returnReport(userId, key, { comment, ...(pending.target === undefined ? {} : { target: pending.target }) }, via);
      await patchSession(app.store, userId, { supervisionReturn: undefined, ...(outcome.ok && via?.updateId !== undefined ? { supervisionReturned: { update: via.updateId, ...key } } : {}) });
      return { key, outcome };
    },
    async cancelReturn(userId: string): Promise<void> {
      if ((await readSession(app.store, userId)).supervisionReturn !== undefined) await patchSession(app.store, userId, { supervisionReturn: undefined });
    },
    async setDeadline(userId: string, officeId: string, year: number, date: string): Promise<DeadlineOutcome> {
      if (!can(await org.org(), userId, "manageOrg", { officeId }, app.adminIds)) return { ok: false, error: "denied" };
      return org.setDeadline(officeId, year, date);
    },
  };
}
