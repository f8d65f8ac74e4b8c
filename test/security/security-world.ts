// The organisation the access tests run against, built once through the bot itself and kept as a
// template folder; each check that may change something gets a fresh copy (a real store, the whole
// bot over HTTP against the fake Bot API), so one allowed action never leaks into the next check.
//
//   office o1 甲区政务公开办: department d1 甲区应急管理局 (officer A), supervisor X
//   office o2 乙区政务公开办: department d2 乙区水利局 (officer B), supervisor Y
//   admin 9001 (ADMIN_IDS); a stranger; reports d1/2024 and d2/2024 (status per check)
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { User } from "grammy/types";
import type { App } from "../../src/app/app.ts";
import type { Store } from "../../src/store/store.ts";
import type { ReportStatus } from "../../src/app/report-record.ts";
import { registerDeliverySender } from "../../src/app/person-channels.ts";
import { allFeatures } from "../../src/telegram/features/all-features.ts";
import { telegramDeliverySender } from "../../src/telegram/features/org-common.ts";
import { startHarness, textMessage, textOf, user, type Harness } from "../support/bot-harness.ts";
import { busyReport, zeroReport } from "../support/report-builders.ts";
import { codeOf, testApp, type Clock } from "../telegram/supervision-support.ts";

export const NOW = "2025-01-20T02:00:00Z";
export const YEAR = 2024;

export const ROLES = {
  stranger: user({ id: 9301 }),
  officerA: user({ id: 9201 }),
  officerB: user({ id: 9202 }),
  supervisorX: user({ id: 9101 }),
  supervisorY: user({ id: 9102 }),
  admin: user({ id: 9001 }),
} as const satisfies Record<string, User>;
export type RoleName = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export interface SecurityWorld {
  readonly app: App & { store: Store };
  readonly h: Harness;
  readonly clock: Clock;
  readonly dir: string;
  close(): Promise<void>;
}

export interface Template {
  readonly dir: string;
  /** Unused invitation codes kept in the template. */
  readonly codes: { readonly officerD1: string; readonly supervisorO1: string; readonly officerD2: string };
  remove(): Promise<void>;
}

export async function openWorld(dir: string, now = NOW): Promise<SecurityWorld> {
  const clock = { now };
  const app = await testApp(dir, clock);
  let apiRoot = "";
  const h = await startHarness({ features: allFeatures(app, { apiRoot: () => apiRoot }) });
  apiRoot = h.api.apiRoot;
  registerDeliverySender(app, "telegram", telegramDeliverySender(h.bot.api, app)); // as start-telegram.ts does
  return {
    app,
    h,
    clock,
    dir,
    async close() {
      await h.close();
      await app.store.close();
    },
  };
}

export async function buildTemplate(): Promise<Template> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-security-template-"));
  const w = await openWorld(dir);
  const say = async (text: string, from: User = ROLES.admin): Promise<string> => textOf((await w.h.send(textMessage(text, from)))[0]);
  await say("/addoffice 甲区政务公开办");
  await say("/addoffice 乙区政务公开办");
  await say("/adddept o1 甲区应急管理局");
  await say("/adddept o2 乙区水利局");
  const joins: [string, string, User][] = [
    ["d1", "officer", ROLES.officerA],
    ["d2", "officer", ROLES.officerB],
    ["o1", "supervisor", ROLES.supervisorX],
    ["o2", "supervisor", ROLES.supervisorY],
  ];
  for (const [target, role, who] of joins) {
    const welcome = await say(`/start ${codeOf(await say(`/invite ${target} ${role}`))}`, who);
    if (!welcome.includes("欢迎")) throw new Error(`security-world: ${who.id} could not join ${target}: ${welcome}`);
  }
  const codes = {
    officerD1: codeOf(await say("/invite d1 officer")),
    supervisorO1: codeOf(await say("/invite o1 supervisor")),
    officerD2: codeOf(await say("/invite d2 officer")),
  };
  await setReports(w, "submitted");
  await w.close();
  return { dir, codes, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Both departments' 2024 reports (complete) in one status. */
export async function setReports(w: { app: { store: Store } }, status: ReportStatus): Promise<void> {
  for (const [departmentId, report] of [["d1", busyReport(YEAR)], ["d2", zeroReport(YEAR)]] as const) {
    await w.app.store.reports.updateReport({ departmentId, year: YEAR }, () => ({ report, status }), { by: "test", at: NOW });
  }
}

/** A fresh copy of the template, opened. */
export async function copyWorld(template: Template): Promise<SecurityWorld & { dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-security-"));
  await cp(template.dir, dir, { recursive: true });
  const w = await openWorld(dir);
  return {
    ...w,
    async dispose() {
      await w.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every file under the data folder with its bytes (as text), for before/after comparison. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      // The process lock (store-lock.ts) says who has the folder open, not what is stored.
      if (relative(dir, path) === ".lock") continue;
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path), await readFile(path, "utf8"));
    }
  };
  await walk(dir);
  return files;
}

/** Paths added, removed or changed between two snapshots. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}
