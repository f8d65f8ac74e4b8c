// Bidi controls and zero-width characters (Unicode category Cf) in names: refused wherever a name
// enters (personal agency, interview, report.json, org.json), and file names keep to a safe
// alphabet so U+202E cannot disguise an extension (「报告\u202Excod.exe」 shows as 「报告exe.docx」).
import { describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkAgency, personalWorkspaces } from "../../src/app/workspace.ts";
import { openStore } from "../../src/store/store.ts";
import { recordingLogger } from "../support/bot-harness.ts";
import { documentFileName } from "../../src/app/report-document.ts";
import { startInterview } from "../../src/core/interview/engine.ts";
import { DepartmentSchema, OfficeSchema } from "../../src/core/org/org-schema.ts";
import { hasHiddenCharacters, safeFileName } from "../../src/core/report/names.ts";
import { emptyReport, parseReport } from "../../src/core/report/schema.ts";
import { Session } from "../core/interview/driver.ts";

const HIDDEN = ["\u202E", "\u200B", "\u200D", "\u2066", "\uFEFF", "\u00AD", "\u061C", "\u2028"];
const named = (mark: string): string => `奉化区${mark}应急管理局`;

describe("names with hidden characters", () => {
  it.each(HIDDEN.map((mark) => [mark.codePointAt(0)?.toString(16), mark]))("U+%s is a hidden character", (_code, mark) => {
    expect(hasHiddenCharacters(named(mark ?? ""))).toBe(true);
  });

  it("ordinary names pass", () => {
    for (const name of ["奉化区应急管理局", "宁波市奉化区人民政府办公室（区政务公开办）", "A·B 局"]) expect(hasHiddenCharacters(name)).toBe(false);
  });

  it.each(HIDDEN)("personal mode refuses an agency carrying %j", (mark) => {
    expect(checkAgency(named(mark))).toEqual({ ok: false, problem: "control" });
  });

  it.each(HIDDEN)("report.json refuses meta.agency and meta.region carrying %j", (mark) => {
    const result = parseReport({ ...emptyReport(), meta: { agency: named(mark), region: named(mark) } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toEqual(["meta.agency", "meta.region"]);
  });

  it.each(HIDDEN)("org.json refuses office and department names carrying %j", (mark) => {
    expect(OfficeSchema.safeParse({ id: "o1", name: named(mark) }).success).toBe(false);
    expect(DepartmentSchema.safeParse({ id: "d1", officeId: "o1", name: named(mark) }).success).toBe(false);
  });

  it("personal mode asks again for an agency name stored with hidden characters before they were refused", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nianbao-hidden-"));
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    try {
      await store.user("7").update((session) => ({ ...session, agency: "奉化区\u202E应急管理局" }));
      expect(await personalWorkspaces(store)("7", "2025-01-05T02:00:00Z")).toEqual({ kind: "needs-agency" });
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the interview refuses an agency carrying U+202E and keeps the old name", () => {
    const s = new Session(startInterview({ agency: "某区司法局", year: 2023 }));
    s.command("start");
    s.tap("interview-btn-meta-agency");
    s.text("某区\u202Excod.exe");
    expect(s.state.report.meta.agency).toBe("某区司法局");
    expect(s.rendered()).toContain("看不见的字符");
  });
});

describe("file names", () => {
  it("keep to a safe alphabet: Han, ASCII letters and digits, a few marks", () => {
    expect(safeFileName("奉化区\u202Excod.exe")).toBe("奉化区_xcod_exe");
    expect(safeFileName("a/b\\c:d*e?f\"g<h>i|j")).toBe("a_b_c_d_e_f_g_h_i_j");
    expect(safeFileName("奉化区应急管理局2021年政府信息公开工作年度报告（草稿）-v3")).toBe("奉化区应急管理局2021年政府信息公开工作年度报告（草稿）-v3");
    expect(safeFileName("..")).toBe("_");
    expect(safeFileName("")).toBe("_");
    expect(safeFileName("x".repeat(300))).toHaveLength(120);
  });

  it("a document's name cannot carry a bidi override even from an old stored report", () => {
    const name = documentFileName({ ...emptyReport({ year: 2021 }), meta: { agency: "局\u202Excod.exe", year: 2021 } }, false, 2);
    expect(name).toMatch(/^[\p{Script=Han}A-Za-z0-9_\-（）()·]+\.docx$/u);
    expect(name).toBe("局_xcod_exe2021年政府信息公开工作年度报告-草稿-v2.docx");
  });
});
