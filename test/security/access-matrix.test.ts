// The access-control matrix over the real bot: every command and callback family × every role ×
// private chat / group (mentioned or not). Each cell states its expected outcome and is asserted by
// its observable effect: the calls the fake Bot API received AND the files of the store before and
// after. Refused and ignored checks share one world (any change there is a failure by itself);
// allowed checks each get a fresh copy of the organisation, and may only write the files named.
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashCode } from "../../src/app/org-service.ts";
import { translator, type Locale } from "../../src/i18n.ts";
import type { ReportStatus } from "../../src/app/report-record.ts";
import type { ApiCall } from "../support/fake-bot-api.ts";
import { callbackQuery, groupChat, textMessage, textOf } from "../support/bot-harness.ts";
import { buildTemplate, changedFiles, copyWorld, ROLE_NAMES, ROLES, setReports, snapshot, type RoleName, type SecurityWorld, type Template } from "./security-world.ts";

type Params = Record<string, string>;
type Outcome =
  /** Nothing sent (a callback may be answered with `answer`), nothing stored. */
  | { kind: "ignored"; answer?: string }
  /** Exactly this sentence back, nothing else sent, nothing stored. */
  | { kind: "refused"; key: string; params?: Params; viaAnswer?: boolean }
  | {
      kind: "allowed";
      /** Files the action may change (relative to the data folder); anything else is a failure. */
      writes?: RegExp;
      /** At least one file must change. */
      mustWrite?: boolean;
      document?: boolean;
      contains?: string[];
      lacks?: string[];
      /** Other people who may be told (lifecycle deliveries). */
      notifies?: RoleName[];
      /** The callback is answered with this sentence (key in `answerLocale`). */
      answer?: { key: string; locale: Locale };
    };

interface Row {
  readonly name: string;
  readonly kind: "command" | "callback";
  /** Command text (with its argument) or callback data; a function for template codes. */
  readonly data: string | ((template: Template) => string);
  readonly setup?: ReportStatus;
  readonly expect: Record<RoleName, Outcome>;
}

const zh = translator("zh-CN");
const refuse = (key: string, params?: Params): Outcome => ({ kind: "refused", key, ...(params === undefined ? {} : { params }) });
const denied = (action: string): Outcome => refuse("sup-denied", { action });
const own = (department: "d1" | "d2", id: number): RegExp => new RegExp(`^(reports/${department}/|index/reports/${department}\\.json$|lifecycle/${department}\\.json$|users/${id}\\.json$)`);
const interview = (department: "d1" | "d2", id: number): Outcome => ({ kind: "allowed", writes: own(department, id) });
/** Everyone but the named roles get `other`. */
function matrix(other: Outcome, special: Partial<Record<RoleName, Outcome>>): Record<RoleName, Outcome> {
  return Object.fromEntries(ROLE_NAMES.map((role) => [role, special[role] ?? other])) as Record<RoleName, Outcome>;
}
const officersOnly = (other: Outcome): Record<RoleName, Outcome> =>
  matrix(other, { officerA: interview("d1", ROLES.officerA.id), officerB: interview("d2", ROLES.officerB.id) });
const doc: Outcome = { kind: "allowed", document: true };
const orgWrite: Outcome = { kind: "allowed", writes: /^org\.json$/, mustWrite: true };
/** Joining d1 as its officer: the organisation, then the first question of d1's report at once. */
const joinD1 = (role: RoleName): Outcome => ({ kind: "allowed", writes: new RegExp(`^org\\.json$|${own("d1", ROLES[role].id).source}`), mustWrite: true });

const ENGINE_COMMANDS = ["/report", "/review", "/edit", "/edit t3.new.natural", "/export"];
/** Nothing stored, the general help (with the command menu) for whoever has no interview. */
const generalHelp: Outcome = { kind: "allowed", contains: ["/status", "/summary"] };

const ROWS: Row[] = [
  {
    name: "/start",
    kind: "command",
    data: "/start",
    expect: { ...officersOnly(refuse("org-start-supervisor")), stranger: refuse("org-stranger") },
  },
  ...ENGINE_COMMANDS.map((command): Row => ({ name: command, kind: "command", data: command, expect: officersOnly(refuse("shell-stranger")) })),
  { name: "/help", kind: "command", data: "/help", expect: officersOnly(generalHelp) },
  { name: "/cancel", kind: "command", data: "/cancel", expect: officersOnly(refuse("bot-cancel-nothing")) },
  {
    name: "/start <code of d1>",
    kind: "command",
    data: (t) => `/start ${t.codes.officerD1}`,
    // Someone already in office Y cannot take a place in office X with a code meant for another;
    // office X's supervisor cannot become one of its officers (one person, one role per office).
    expect: {
      ...(Object.fromEntries(ROLE_NAMES.map((role) => [role, joinD1(role)])) as Record<RoleName, Outcome>),
      officerB: refuse("sup-redeem-error-elsewhere"),
      supervisorY: refuse("sup-redeem-error-elsewhere"),
      supervisorX: refuse("sup-redeem-error-other-role"),
    },
  },
  {
    name: "/start <code of o1 supervisor>",
    kind: "command",
    data: (t) => `/start ${t.codes.supervisorO1}`,
    // An officer of office X would approve their own report as its supervisor.
    expect: matrix(orgWrite, { officerB: refuse("sup-redeem-error-elsewhere"), supervisorY: refuse("sup-redeem-error-elsewhere"), officerA: refuse("sup-redeem-error-other-role") }),
  },
  { name: "/export 2024", kind: "command", data: "/export 2024", expect: matrix(refuse("org-export-which"), { officerA: doc, officerB: doc }) },
  { name: "/export 2024 d1", kind: "command", data: "/export 2024 d1", expect: matrix(denied("exportReport"), { officerA: doc, supervisorX: doc, admin: doc }) },
  { name: "/export 2024 <name of d1>", kind: "command", data: "/export 2024 甲区应急管理局", expect: matrix(denied("exportReport"), { officerA: doc, supervisorX: doc, admin: doc }) },
  { name: "/export 2024 d2", kind: "command", data: "/export 2024 d2", expect: matrix(denied("exportReport"), { officerB: doc, supervisorY: doc, admin: doc }) },
  { name: "/export 2024 d9 (unknown)", kind: "command", data: "/export 2024 d9", expect: matrix(refuse("sup-org-error-unknown-department"), {}) },
  {
    name: "/submit",
    kind: "command",
    data: "/submit",
    setup: "draft",
    expect: matrix(refuse("org-not-officer"), {
      officerA: { kind: "allowed", writes: own("d1", ROLES.officerA.id), mustWrite: true, notifies: ["supervisorX"] },
      officerB: { kind: "allowed", writes: own("d2", ROLES.officerB.id), mustWrite: true, notifies: ["supervisorY"] },
    }),
  },
  {
    name: "sb:submit (the 报送 button)",
    kind: "callback",
    data: "sb:submit",
    setup: "draft",
    expect: matrix(refuse("org-not-officer"), {
      officerA: { kind: "allowed", writes: own("d1", ROLES.officerA.id), mustWrite: true, notifies: ["supervisorX"] },
      officerB: { kind: "allowed", writes: own("d2", ROLES.officerB.id), mustWrite: true, notifies: ["supervisorY"] },
    }),
  },
  {
    name: "/reopen <reason>",
    kind: "command",
    data: "/reopen 数据有误",
    setup: "approved",
    expect: matrix(refuse("org-not-officer"), {
      officerA: { kind: "allowed", writes: own("d1", ROLES.officerA.id), mustWrite: true, notifies: ["supervisorX"] },
      officerB: { kind: "allowed", writes: own("d2", ROLES.officerB.id), mustWrite: true, notifies: ["supervisorY"] },
    }),
  },
  ...["/status", "/status 2024"].map((command): Row => ({
    name: command,
    kind: "command",
    data: command,
    expect: matrix(refuse("org-no-office"), {
      supervisorX: { kind: "allowed", contains: ["甲区政务公开办"], lacks: ["乙区"] },
      supervisorY: { kind: "allowed", contains: ["乙区政务公开办"], lacks: ["甲区"] },
    }),
  })),
  { name: "/summary", kind: "command", data: "/summary", expect: matrix(refuse("org-no-office"), { supervisorX: { kind: "allowed" }, supervisorY: { kind: "allowed" } }) },
  {
    name: "/deadline <date>",
    kind: "command",
    data: "/deadline 2025-01-25",
    expect: matrix(refuse("org-no-office"), {
      supervisorX: { kind: "allowed", writes: /^calendar\.json$/, mustWrite: true, contains: ["2025-01-25"] },
      supervisorY: { kind: "allowed", writes: /^calendar\.json$/, mustWrite: true, contains: ["2025-01-25"] },
    }),
  },
  { name: "/invite d1 officer", kind: "command", data: "/invite d1 officer", expect: matrix(denied("invite"), { supervisorX: orgWrite, admin: orgWrite }) },
  { name: "/invite o1 supervisor", kind: "command", data: "/invite o1 supervisor", expect: matrix(denied("invite"), { supervisorX: orgWrite, admin: orgWrite }) },
  { name: "/invite d2 officer", kind: "command", data: "/invite d2 officer", expect: matrix(denied("invite"), { supervisorY: orgWrite, admin: orgWrite }) },
  {
    name: "/orgs",
    kind: "command",
    data: "/orgs",
    expect: matrix(denied("manageOrg"), {
      supervisorX: { kind: "allowed", contains: ["甲区政务公开办"], lacks: ["乙区"] },
      supervisorY: { kind: "allowed", contains: ["乙区政务公开办"], lacks: ["甲区"] },
      admin: { kind: "allowed", contains: ["甲区政务公开办", "乙区政务公开办"] },
    }),
  },
  { name: "/addoffice", kind: "command", data: "/addoffice 丙区政务公开办", expect: matrix(denied("manageOrg"), { admin: orgWrite }) },
  { name: "/adddept o1", kind: "command", data: "/adddept o1 甲区新部门", expect: matrix(denied("manageOrg"), { supervisorX: orgWrite, admin: orgWrite }) },
  { name: "/adddept o2", kind: "command", data: "/adddept o2 乙区新部门", expect: matrix(denied("manageOrg"), { supervisorY: orgWrite, admin: orgWrite }) },
  // Running the organisation from the chat (features/org-admin.ts).
  { name: "/whoami", kind: "command", data: "/whoami", expect: matrix({ kind: "allowed", contains: ["您的 Telegram 用户编号是"] }, {}) },
  {
    name: "/invitations",
    kind: "command",
    data: "/invitations",
    expect: matrix(denied("invite"), { supervisorX: { kind: "allowed", contains: ["甲区应急管理局"], lacks: ["乙区"] }, supervisorY: { kind: "allowed", contains: ["乙区水利局"], lacks: ["甲区"] }, admin: { kind: "allowed" } }),
  },
  { name: "/revoke <ref of a d1 invitation>", kind: "command", data: (t) => `/revoke ${hashCode(t.codes.officerD1).slice(0, 8)}`, expect: matrix(denied("invite"), { supervisorX: orgWrite, admin: orgWrite }) },
  {
    name: "/removemember <officer A>",
    kind: "command",
    data: `/removemember ${ROLES.officerA.id}`,
    expect: matrix(denied("manageOrg"), { supervisorX: orgWrite, admin: orgWrite, supervisorY: refuse("org-admin-error-unknown-member") }),
  },
  { name: "/movedept d1 o2", kind: "command", data: "/movedept d1 o2", expect: matrix(denied("manageOrg"), { admin: orgWrite }) },
  { name: "/lang", kind: "command", data: "/lang", expect: matrix({ kind: "allowed", contains: [zh("bot-lang-choose")] }, {}) },
  { name: "/nosuchcommand", kind: "command", data: "/nosuchcommand", expect: matrix(refuse("bot-fallback-command"), {}) },
  // Callbacks: the engine's, the edit jump, supervision (sv:…), language.
  ...["v1:skip", "v0:g:y", "ed:t3.new.natural"].map((data): Row => ({ name: data, kind: "callback", data, expect: officersOnly(refuse("shell-stranger")) })),
  ...(["d1", "d2"] as const).flatMap((department): Row[] => {
    const officer = department === "d1" ? "officerA" : "officerB";
    const supervisor = department === "d1" ? "supervisorX" : "supervisorY";
    const pending = (role: RoleName): Outcome => ({ kind: "allowed", writes: new RegExp(`^users/${ROLES[role].id}\\.json$`), mustWrite: true });
    return [
      { name: `sv:dl:${department}`, kind: "callback", data: `sv:dl:${department}:2024`, expect: matrix(denied("viewReport"), { [officer]: doc, [supervisor]: doc, admin: doc }) },
      {
        name: `sv:ap:${department}`,
        kind: "callback",
        data: `sv:ap:${department}:2024`,
        expect: matrix(denied("approveReport"), {
          [supervisor]: { kind: "allowed", writes: own(department, 0), mustWrite: true, notifies: [officer] },
          admin: { kind: "allowed", writes: own(department, 0), mustWrite: true, notifies: [officer] },
        }),
      },
      ...[`sv:rt:${department}:2024`, `sv:rs:${department}:2024:2`].map((data): Row => ({
        name: data.split(":").slice(0, 3).join(":"),
        kind: "callback",
        data,
        expect: matrix(denied("returnReport"), { [supervisor]: { kind: "allowed" }, admin: { kind: "allowed" } }),
      })),
      ...[`sv:rw:${department}:2024:0`, `sv:rn:${department}:2024`].map((data): Row => ({
        name: data.split(":").slice(0, 3).join(":"),
        kind: "callback",
        data,
        expect: matrix(denied("returnReport"), { [supervisor]: pending(supervisor), admin: pending("admin") }),
      })),
    ];
  }),
  ...["sv:sum:s:2024", "sv:sum:a:2024"].map((data): Row => ({ name: data, kind: "callback", data, expect: matrix(refuse("org-no-office"), { supervisorX: doc, supervisorY: doc }) })),
  { name: "sv:ap:d9 (unknown department)", kind: "callback", data: "sv:ap:d9:2024", expect: matrix(denied("approveReport"), { admin: refuse("org-no-report") }) },
  { name: "lang:en", kind: "callback", data: "lang:en", expect: matrix({ kind: "allowed", answer: { key: "bot-lang-set", locale: "en" } }, {}) },
  ...["sv:zz:d1:2024", "lang:xx", "sv:ap:d1:2024:9:9", "x".repeat(64)].map((data): Row => ({ name: `forged ${data.slice(0, 16)}`, kind: "callback", data, expect: matrix({ kind: "ignored", answer: zh("bot-button-stale") }, {}) })),
];

const GROUP = groupChat(-100777);

function updateFor(row: Row, template: Template, role: RoleName, chat: "private" | "group-mention" | "group-plain"): Update {
  const from = ROLES[role];
  const data = typeof row.data === "function" ? row.data(template) : row.data;
  if (row.kind === "callback") return callbackQuery(data, from, chat === "private" ? {} : { chat: GROUP });
  if (chat === "private") return textMessage(data, from);
  const [command = "", ...rest] = data.split(" ");
  const text = chat === "group-mention" ? [`${command}@nianbao_test_bot`, ...rest].join(" ") : data;
  return textMessage(text, from, GROUP);
}

const texts = (calls: readonly ApiCall[], chatId: number): string[] => calls.filter((c) => c.chatId === chatId && c.method === "sendMessage").map(textOf);
const documents = (calls: readonly ApiCall[], chatId: number): ApiCall[] => calls.filter((c) => c.chatId === chatId && c.method === "sendDocument");
const answers = (calls: readonly ApiCall[]): string[] => calls.filter((c) => c.method === "answerCallbackQuery").map((c) => String(c.params["text"] ?? ""));
const sent = (calls: readonly ApiCall[]): ApiCall[] => calls.filter((c) => c.method === "sendMessage" || c.method === "sendDocument");

/** Every refusal sentence an allowed action must not produce. */
const REFUSALS = ["org-no-office", "org-not-officer", "shell-stranger", "org-stranger", "org-export-which", "bot-group-private-only", "sup-redeem-error-elsewhere", "sup-redeem-error-other-role"];
function isRefusal(text: string): boolean {
  // sup-denied takes the action: its sentences say 权限 (permission) or 只有 (only … may).
  return REFUSALS.some((key) => text === zh(key)) || /^您没有.*权限|^只有/u.test(text);
}

function assertOutcome(outcome: Outcome, calls: readonly ApiCall[], chatId: number, changed: string[], label: string): void {
  const others = sent(calls).filter((c) => c.chatId !== chatId);
  switch (outcome.kind) {
    case "ignored":
      expect(sent(calls), label).toEqual([]);
      if (outcome.answer !== undefined) expect(answers(calls), label).toEqual([outcome.answer]);
      expect(changed, label).toEqual([]);
      return;
    case "refused": {
      const expected = zh(outcome.key, outcome.params);
      if (outcome.viaAnswer === true) expect(answers(calls), label).toEqual([expected]);
      else expect(texts(calls, chatId), label).toEqual([expected]);
      expect(documents(calls, chatId), label).toEqual([]);
      expect(others.map((c) => c.chatId), label).toEqual([]);
      expect(changed, label).toEqual([]);
      return;
    }
    case "allowed": {
      const mine = texts(calls, chatId);
      for (const text of mine) expect(isRefusal(text), `${label}: ${text}`).toBe(false);
      if (outcome.answer !== undefined) expect(answers(calls), label).toContain(translator(outcome.answer.locale)(outcome.answer.key));
      else expect(mine.length + documents(calls, chatId).length, label).toBeGreaterThan(0);
      if (outcome.document === true) expect(documents(calls, chatId).length, label).toBeGreaterThan(0);
      for (const piece of outcome.contains ?? []) expect(mine.join("\n"), label).toContain(piece);
      for (const piece of outcome.lacks ?? []) expect(mine.join("\n"), label).not.toContain(piece);
      const told = new Set((outcome.notifies ?? []).map((role) => ROLES[role].id));
      expect(others.filter((c) => !told.has(c.chatId ?? 0)).map((c) => c.chatId), label).toEqual([]);
      // A document's .bak is the store's copy of its previous version: a change to that document.
      const outside = changed.filter((path) => outcome.writes === undefined || !outcome.writes.test(path.replace(/\.bak$/u, "")));
      expect(outside, `${label}: files written outside what it may change`).toEqual([]);
      if (outcome.mustWrite === true) expect(changed.length, `${label}: nothing stored`).toBeGreaterThan(0);
      return;
    }
  }
}

let template: Template;
let shared: SecurityWorld;
let sharedStatus: ReportStatus = "submitted";
let passed = 0;

beforeAll(async () => {
  template = await buildTemplate();
  shared = await copyWorld(template);
}, 60_000);

afterAll(async () => {
  await (shared as SecurityWorld & { dispose(): Promise<void> }).dispose();
  await template.remove();
  console.log(`[security] access matrix: ${passed} checks passed (${ROWS.length} commands/callbacks × ${ROLE_NAMES.length} roles × private, group-mention, group-plain)`);
});

async function check(row: Row, role: RoleName, chat: "private" | "group-mention" | "group-plain", outcome: Outcome): Promise<void> {
  const label = `${row.name} by ${role} in ${chat}`;
  const fresh = outcome.kind === "allowed";
  const world = fresh ? await copyWorld(template) : shared;
  try {
    const status = row.setup ?? "submitted";
    if (fresh && status !== "submitted") await setReports(world, status);
    if (!fresh && status !== sharedStatus) {
      await setReports(world, status);
      sharedStatus = status;
    }
    // Files current and the journal empty: any write the update makes shows up in the journal or a file.
    await world.app.store.flush();
    const before = await snapshot(world.dir);
    const calls = await world.h.send(updateFor(row, template, role, chat));
    if (fresh) await world.app.store.close();
    const after = await snapshot(world.dir);
    const chatId = chat === "private" ? ROLES[role].id : GROUP.id;
    assertOutcome(outcome, calls, chatId, changedFiles(before, after), label);
    passed += 1;
  } finally {
    if (fresh) await (world as SecurityWorld & { dispose(): Promise<void> }).dispose().catch(() => undefined);
  }
}

describe("access matrix in private chats", () => {
  for (const row of ROWS) {
    it(`${row.name}`, async () => {
      for (const role of ROLE_NAMES) await check(row, role, "private", row.expect[role]);
    });
  }
});

describe("access matrix in groups: never acts", () => {
  for (const row of ROWS) {
    it(`${row.name}`, async () => {
      for (const role of ROLE_NAMES) {
        if (row.kind === "callback") {
          await check(row, role, "group-mention", { kind: "refused", key: "bot-group-private-only", viaAnswer: true });
          continue;
        }
        await check(row, role, "group-mention", { kind: "refused", key: "bot-group-private-only" });
        await check(row, role, "group-plain", { kind: "ignored" });
      }
    });
  }
});
