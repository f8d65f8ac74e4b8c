// Officer effort: the two whole sessions of test/core/interview/scripted.test.ts, replayed on the
// engine and counted as messages typed and buttons tapped, against the cells of the official form
// that a spreadsheet (or one field per screen) makes the officer visit.
import { startInterview } from "../src/core/interview/engine.ts";
import { CELLS } from "../src/core/report/cells.ts";
import { Session, seedReport } from "../test/core/interview/driver.ts";

export interface Effort {
  readonly name: string;
  readonly messages: number;
  readonly taps: number;
  readonly complete: boolean;
  readonly formCells: number;
}

class Counted {
  messages = 0;
  taps = 0;
  constructor(readonly s: Session) {}
  text(text: string): void {
    this.messages += 1;
    this.s.text(text);
  }
  start(): void {
    this.messages += 1;
    this.s.command("start");
  }
  tap(key: string, params?: Record<string, string>): void {
    this.taps += 1;
    this.s.tap(key, params);
  }
}

function seedSession(): Counted {
  const text = seedReport().text;
  const c = new Counted(new Session(startInterview({ agency: "奉化区应急管理局", year: 2021 })));
  c.start();
  c.tap("interview-btn-meta-ok");
  c.tap("interview-btn-no");
  for (const answer of ["0", "0", "64", "83", "0", "0"]) c.text(answer);
  c.tap("interview-btn-no");
  c.tap("interview-btn-confirm-zero");
  c.tap("interview-btn-no");
  c.tap("interview-btn-confirm-zero");
  c.text(["一、总体情况", text["s1.summary"], `（一）主动公开情况。${text["s1.active"]}`, `（二）依申请公开情况。${text["s1.onRequest"]}`,
    `（三）政府信息管理情况。${text["s1.management"]}`, `（四）政府信息公开平台建设情况。${text["s1.platform"]}`, `（五）监督保障情况。${text["s1.oversight"]}`].join("\n"));
  // The split is shown before it is saved: one tap confirms it.
  c.tap("interview-btn-split-ok");
  c.text(text["s5.problems"] ?? "");
  c.text(text["s6.other"] ?? "");
  return c;
}

function busySession(): Counted {
  const c = new Counted(new Session(startInterview({ agency: "某区司法局", year: 2023 })));
  c.start();
  c.tap("interview-btn-meta-ok");
  c.tap("interview-btn-yes");
  for (const answer of ["1 0 3", "2，1，10", "64", "八十三", "5", "12.5"]) c.text(answer);
  c.tap("interview-btn-yes");
  for (const answer of ["3 1 0 0 0 0", "1", "自然人1", "2 0 0 0 0 0", "商业企业1", "0", "0", "0", "自然人1"]) c.text(answer);
  c.tap("interview-btn-group-rest-zero");
  for (let i = 0; i < 3; i += 1) c.tap("interview-btn-group-zero");
  c.tap("interview-btn-remainder");
  c.tap("interview-btn-yes");
  for (const answer of ["1 0 0 0", "0 1 0 1", "0 0 0 0"]) c.text(answer);
  c.text("根据《中华人民共和国政府信息公开条例》，编制本报告。");
  c.text("一、总体情况\n2023年，我局扎实推进政务公开。\n（一）主动公开情况。主动公开信息120条。\n（二）依申请公开情况。依法办理申请。\n（三）政府信息管理情况。加强审核。\n（四）政府信息公开平台建设情况。维护网站。\n（五）监督保障情况。接受监督。");
  c.tap("interview-btn-split-ok");
  c.text("一是公开深度不够。下一步加强培训。");
  c.tap("interview-btn-use-draft");
  for (let guard = 0; !c.s.hasDocument(true) && guard < 10; guard += 1) c.tap("interview-btn-warning-ok", { n: "1" });
  return c;
}

export function effort(): Effort[] {
  return [
    ["seed report (2021, 奉化区应急管理局)", seedSession()] as const,
    ["busy report (figures in every table)", busySession()] as const,
  ].map(([name, c]) => ({ name, messages: c.messages, taps: c.taps, complete: c.s.hasDocument(true), formCells: CELLS.length }));
}
