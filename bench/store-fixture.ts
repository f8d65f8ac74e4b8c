// Builds data folders fast for the bench: the template officer's two files (session, report) copied under new ids, written without fsync (set-up only, never measured).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { personalDepartmentId } from "../src/app/workspace.ts";
import { reportPath, userPath } from "../src/store/paths.ts";
import { REPORT_YEAR } from "./officer.ts";

export interface OfficerFiles {
  readonly session: string;
  readonly report: string;
  readonly departmentId: string;
}

export async function readOfficerFiles(dataDir: string, userId: number): Promise<OfficerFiles> {
  const departmentId = personalDepartmentId(String(userId));
  const read = (relative: string): Promise<string> => readFile(join(dataDir, relative), "utf8");
  return {
    session: await read(userPath(userId)),
    report: await read(reportPath({ departmentId, year: REPORT_YEAR })),
    departmentId,
  };
}

async function writeClone(dataDir: string, files: OfficerFiles, userId: number): Promise<void> {
  const departmentId = personalDepartmentId(String(userId));
  const report = join(dataDir, reportPath({ departmentId, year: REPORT_YEAR }));
  await mkdir(join(report, ".."), { recursive: true });
  await writeFile(report, files.report);
  await writeFile(join(dataDir, userPath(userId)), files.session);
}

/** Copies the template to every id in `userIds`, `parallel` at a time. */
export async function cloneOfficers(dataDir: string, files: OfficerFiles, userIds: readonly number[], parallel = 64): Promise<void> {
  for (const dir of ["reports", "users"]) await mkdir(join(dataDir, dir), { recursive: true });
  for (let i = 0; i < userIds.length; i += parallel) {
    await Promise.all(userIds.slice(i, i + parallel).map((id) => writeClone(dataDir, files, id)));
  }
}

export const idRange = (first: number, count: number): number[] => Array.from({ length: count }, (_, i) => first + i);
