import { describe, expect, it } from "vitest";
import { boardLines, statusBoard, type BoardEntry } from "../../../src/core/summary/board.ts";
import { translator } from "../../../src/i18n.ts";
import type { Org } from "../../../src/core/org/org-schema.ts";
import { sampleOrg } from "../org/sample-org.ts";

function bigOrg(): Org {
  const org = sampleOrg();
  return {
    ...org,
    departments: [
      ...org.departments,
      { id: "dA4", officeId: "oA", name: "奉化区财政局" },
      { id: "dA5", officeId: "oA", name: "奉化区民政局" },
    ],
  };
}

const entries: BoardEntry[] = [
  { departmentId: "dA1", status: "draft", done: 100, hardErrors: 2, lastActivity: "2025-01-30T16:30:00Z" },
  { departmentId: "dA2", status: "submitted", done: 166, hardErrors: 0 },
  { departmentId: "dA4", status: "returned", done: 166, hardErrors: 1 },
  { departmentId: "dA5", status: "draft", done: 30, hardErrors: 0 },
  // dA3 has not started.
];

describe("statusBoard", () => {
  it("puts overdue departments first, then the least progress", () => {
    const board = statusBoard({ org: bigOrg(), officeId: "oA", year: 2024, now: "2025-02-02T03:00:00Z", calendar: [], entries });
    expect(board.daysLeft).toBe(-2);
    expect(board.rows.map((row) => [row.departmentId, row.overdue])).toEqual([
      ["dA3", true],
      ["dA5", true],
      ["dA1", true],
      ["dA4", true],
      ["dA2", false],
    ]);
    expect(board.rows[0]).toMatchObject({ status: "none", done: 0, hardErrors: 0 });
  });
  it("orders by progress while nothing is overdue", () => {
    const board = statusBoard({ org: bigOrg(), officeId: "oA", year: 2024, now: "2025-01-20T03:00:00Z", calendar: [], entries });
    expect(board.daysLeft).toBe(11);
    expect(board.rows.every((row) => !row.overdue)).toBe(true);
    expect(board.rows.map((row) => row.departmentId).slice(0, 3)).toEqual(["dA3", "dA5", "dA1"]);
  });
  it("counts a not-started department's inputs from the format", () => {
    const board = statusBoard({ org: bigOrg(), officeId: "oA", year: 2024, now: "2025-01-20T03:00:00Z", calendar: [], entries: [] });
    // 10 table-2 cells, 6 × 24 table-3 cells, 4 × 3 table-4 cells.
    expect(boardLines(board)[1]?.params).toMatchObject({ done: 0, total: 10 + 6 * 24 + 4 * 3 });
  });
});

describe("boardLines", () => {
  it("renders a title, one line per department and a tally through supervision.ftl", () => {
    const board = statusBoard({ org: bigOrg(), officeId: "oA", year: 2024, now: "2025-02-02T03:00:00Z", calendar: [], entries });
    const lines = boardLines(board);
    expect(lines.map((line) => line.key)).toEqual(["sup-board-title", ...Array(5).fill("sup-board-row"), "sup-board-tally"]);
    const t = translator("zh-CN");
    const text = lines.map((line) => t(line.key, line.params));
    expect(text[0]).toBe("奉化区政务公开办 · 2024 年度年报 · 截止 2025-01-31（已逾期 2 天）");
    expect(text[3]).toBe("🔴 奉化区应急管理局：填写中 100/166，2 处错误，01-31");
    expect(text[5]).toBe("🟢 奉化区教育局：已报送 166/166");
    expect(text[6]).toBe("已报送 1 · 未报送 4 · 逾期 4");
    const en = translator("en");
    expect(en(lines[0]!.key, lines[0]!.params)).toBe("奉化区政务公开办 · 2024 reports · due 2025-01-31 (2 days overdue)");
  });
  it("says so when an office has no departments", () => {
    const org: Org = { ...sampleOrg(), offices: [...sampleOrg().offices, { id: "oC", name: "空办" }] };
    const lines = boardLines(statusBoard({ org, officeId: "oC", year: 2024, now: "2025-01-20T03:00:00Z", calendar: [], entries: [] }));
    expect(lines.map((line) => line.key)).toEqual(["sup-board-title", "sup-board-empty"]);
  });
});
