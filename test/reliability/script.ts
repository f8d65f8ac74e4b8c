// What one simulated officer sends, and what the store must hold once each message is acknowledged.
// Written by hand from the interview as an officer meets it (not derived from the engine): the
// agency, 「正确」, table 2 with no rules issued, tables 3 and 4 zero-filled, then eight narratives.
// Every step changes the interview state exactly once, so the state's `version` after step k is k
// and the buttons of a reply to step k carry `v<k>:` — which is how a driver tells a real
// acknowledgement from the re-asked question a duplicate delivery gets.
import { UPDATES_IN_HAND, UpdatesInHandSchema } from "../../src/app/updates-in-hand.ts";
import { cp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Update, User } from "grammy/types";
import { INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import { NARRATIVE_IDS } from "../../src/core/report/narrative.ts";
import { OutboxChatSchema, OutboxIndexSchema } from "../../src/app/outbox.ts";
import { ReportRecordSchema, type ReportRecord } from "../../src/app/report-record.ts";
import { openStore } from "../../src/store/store.ts";
import { UserSessionSchema } from "../../src/app/user-session.ts";
import { callbackQuery, textMessage, user } from "../support/bot-harness.ts";
import type { ApiCall } from "../support/fake-bot-api.ts";

export type NewUpdate = Omit<Update, "update_id">;

export interface Step {
  readonly label: string;
  /** A fresh update (no update_id: the fake API or the caller numbers it). */
  readonly update: (from: User) => NewUpdate;
  /** Undefined when the record holds what this step stored, otherwise what is wrong. */
  readonly check: (record: ReportRecord) => string | undefined;
}

const withoutId = (update: Update): NewUpdate => {
  const { update_id: _id, ...rest } = update;
  return rest;
};
const text = (value: string) => (from: User): NewUpdate => withoutId(textMessage(value, from));

/** The narratives asked in the interview, in outline order; the last (六) would finish the report. */
const NARRATIVES = NARRATIVE_IDS.slice(0, 8);

export function agencyOf(officer: number): string {
  return `测试第${officer}号单位应急管理局`;
}

export function sentenceOf(officer: number, part: string): string {
  return `第${officer}号单位关于${part}的叙述：本年度认真落实政府信息公开条例，持续完善工作机制。`;
}

/** Six numbers distinct within one officer, so an answer applied to the wrong question shows. */
export function numbersOf(officer: number): readonly number[] {
  return [1, 2, 3, 4, 5, 6].map((i) => officer * 10 + i);
}

const T2_SINGLE = ["t2.rules.inForce", "t2.normative.inForce", "t2.licensing", "t2.penalty", "t2.coercion", "t2.fees"];

const zeroed = (prefix: string) => (record: ReportRecord): string | undefined => {
  const ids = INPUT_CELL_IDS.filter((id) => id.startsWith(prefix));
  const wrong = ids.filter((id) => record.report.values[id] !== 0);
  return wrong.length === 0 ? undefined : `${wrong.length} of ${ids.length} ${prefix} cells not 0 (e.g. ${wrong[0]}=${String(record.report.values[wrong[0] ?? ""])})`;
};

const pendingGateNo = (record: ReportRecord): string | undefined =>
  (record.interview as { pending?: { kind?: string } | null } | undefined)?.pending?.kind === "gate-no" ? undefined : "no gate-no confirmation pending";

export function officerScript(officer: number): Step[] {
  const numbers = numbersOf(officer);
  const steps: Step[] = [
    { label: "agency", update: text(agencyOf(officer)), check: (r) => (r.report.meta.agency === agencyOf(officer) ? undefined : `agency ${String(r.report.meta.agency)}`) },
    {
      label: "meta ok",
      update: (from) => withoutId(callbackQuery("v0:m:ok", from, { message_id: 1 })),
      check: (r) => ((r.interview as { metaConfirmed?: boolean } | undefined)?.metaConfirmed === true ? undefined : "meta not confirmed"),
    },
    { label: "rules gate no", update: text("否"), check: (r) => (r.report.values["t2.rules.issued"] === 0 && r.report.values["t2.normative.repealed"] === 0 ? undefined : "rules not zero-filled") },
    ...T2_SINGLE.map((cell, i): Step => ({
      label: cell,
      update: text(String(numbers[i])),
      check: (r) => (r.report.values[cell] === numbers[i] ? undefined : `${cell}=${String(r.report.values[cell])}, want ${String(numbers[i])}`),
    })),
    { label: "applications gate no", update: text("否"), check: (r) => (r.report.values["t3.new.natural"] !== undefined ? undefined : pendingGateNo(r)) },
    { label: "table 3 zero", update: text("是"), check: zeroed("t3.") },
    { label: "review gate no", update: text("否"), check: (r) => (r.report.values["t4.review.upheld"] !== undefined ? undefined : pendingGateNo(r)) },
    { label: "table 4 zero", update: text("是"), check: zeroed("t4.") },
    ...NARRATIVES.map((part): Step => ({
      label: part,
      update: text(sentenceOf(officer, part)),
      check: (r) => (r.report.text[part] === sentenceOf(officer, part) ? undefined : `${part}=${JSON.stringify(r.report.text[part]?.slice(0, 30))}`),
    })),
  ];
  return steps;
}

export const SCRIPT_LENGTH = officerScript(0).length;

export function officerUser(officer: number): User {
  return user({ id: 5000 + officer, first_name: `科员${officer}` });
}

/** The interview state version a stored record is at (-1: no interview yet). */
export function versionOf(record: ReportRecord | null): number {
  const version = (record?.interview as { version?: unknown } | undefined)?.version;
  return typeof version === "number" ? version : -1;
}

/**
 * Problems with an officer's record given the highest step acknowledged and the highest sent: every
 * acknowledged step is stored, and nothing was applied twice (the version never runs ahead of
 * what was sent).
 */
export function recordProblems(officer: number, record: ReportRecord | null, acked: number, sent: number): string[] {
  const version = versionOf(record);
  if (record === null) return acked >= 0 ? [`officer ${officer}: no report, but step ${acked} was acknowledged`] : [];
  const problems: string[] = [];
  if (version < acked) problems.push(`officer ${officer}: stored version ${version} < acknowledged step ${acked}`);
  if (version > sent) problems.push(`officer ${officer}: stored version ${version} > last step sent ${sent} (an update was applied twice)`);
  const script = officerScript(officer);
  for (let k = 0; k <= Math.min(version, script.length - 1); k += 1) {
    const problem = script[k]?.check(record);
    if (problem !== undefined) problems.push(`officer ${officer} step ${k} (${script[k]?.label}): ${problem}`);
  }
  return problems;
}

/** Highest `v<N>:` version among the buttons of a sendMessage call (-1 when it has none). */
export function replyVersion(call: ApiCall): number {
  const markup = call.params["reply_markup"] as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  let max = -1;
  for (const button of markup?.inline_keyboard?.flat() ?? []) {
    const match = /^v(\d+):/.exec(button.callback_data ?? "");
    if (match?.[1] !== undefined) max = Math.max(max, Number(match[1]));
  }
  return max;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return files.flat();
}

function schemaFor(relative: string): { parse: (data: unknown) => unknown } | undefined {
  if (/^reports\/[^/]+\/\d{4}\.json$/.test(relative)) return ReportRecordSchema;
  if (/^users\/[^/]+\.json$/.test(relative)) return UserSessionSchema;
  if (relative === "outbox/index.json") return OutboxIndexSchema;
  if (/^outbox\/chat-?\d+\.json$/.test(relative)) return OutboxChatSchema;
  if (relative === UPDATES_IN_HAND) return UpdatesInHandSchema;
  return undefined;
}

export interface FileAudit {
  readonly parsed: number;
  /** Temp files a kill left behind (never read by the store). */
  readonly orphans: number;
  readonly problems: string[];
}

/**
 * Every JSON file the store left (backups included) parses, and the ones whose schema is known
 * validate against it; complete lines of JSON-lines files parse (a kill may tear the last one).
 * Other files (locks, markers) are the store's own business: the scenario checks what the store
 * returns through its API (storedRecords), not how it lays files out.
 */
export async function auditFiles(dataDir: string): Promise<FileAudit> {
  const problems: string[] = [];
  let parsed = 0;
  let orphans = 0;
  for (const file of await walk(dataDir)) {
    const relative = file.slice(dataDir.length + 1);
    if (relative.endsWith(".tmp")) {
      orphans += 1;
      continue;
    }
    if (relative.startsWith(".lock/")) {
      // The killed bot's process lock (src/store/store-lock.ts): an empty file named <pid>-<nonce>.
      if (!/^\.lock\/\d+-[0-9a-f]+$/.test(relative)) problems.push(`${relative}: the lock should name its owner`);
      continue;
    }
    if (relative.endsWith(".jsonl")) {
      const lines = (await readFile(file, "utf8")).split("\n");
      lines.pop();
      for (const line of lines) {
        try {
          JSON.parse(line);
          parsed += 1;
        } catch {
          problems.push(`${relative}: a complete line does not parse`);
        }
      }
      continue;
    }
    const plain = relative.replace(/\.bak$/, "");
    if (!plain.endsWith(".json")) continue;
    const schema = schemaFor(plain);
    try {
      const data: unknown = JSON.parse(await readFile(file, "utf8"));
      schema?.parse(data);
      parsed += 1;
    } catch (error) {
      problems.push(`${relative}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
    }
  }
  return { parsed, orphans, problems };
}

/**
 * Every officer's report as the next start will see it, read through the store's public API on a
 * copy of the data folder (opening the store recovers what a kill left, as a restart does), so the
 * original is left for the bot's own recovery and the check does not depend on the file layout.
 */
export async function storedRecords(dataDir: string, officers: readonly number[]): Promise<Map<number, ReportRecord | null>> {
  const copy = `${dataDir}-recovered`;
  await rm(copy, { recursive: true, force: true });
  // The running bot's control socket cannot be copied (and is no data).
  await cp(dataDir, copy, { recursive: true, filter: (source) => !source.endsWith(".control.sock") });
  // The copy is not the live folder: the running bot's lock does not apply to it.
  await rm(join(copy, ".lock"), { recursive: true, force: true });
  const store = await openStore({ dataDir: copy, logger: { warn: () => undefined, error: () => undefined } });
  const records = new Map<number, ReportRecord | null>();
  try {
    for (const officer of officers) {
      const departmentId = `p${officerUser(officer).id}`;
      const [entry, ...more] = await store.reports.listReports([departmentId]);
      if (more.length > 0) throw new Error(`officer ${officer}: ${more.length + 1} reports, the script writes one`);
      records.set(officer, entry === undefined ? null : await store.reports.getReport({ departmentId, year: entry.year }));
    }
  } finally {
    await store.close();
    await rm(copy, { recursive: true, force: true });
  }
  return records;
}
