// The systemd unit in deploy/: the hardening an operator expects, and `systemd-analyze verify`
// (when installed) finds nothing to complain about. ExecStart is pointed at this machine's node,
// since verify checks that the program exists.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const UNIT = join(ROOT, "deploy", "nianbao.service");

function settings(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined) map.set(match[1], [...(map.get(match[1]) ?? []), match[2] ?? ""]);
  }
  return map;
}

describe("deploy/nianbao.service", () => {
  it("restarts on failure, reads an EnvironmentFile, runs as its own user and may write only its data folder", async () => {
    const unit = settings(await readFile(UNIT, "utf8"));
    expect(unit.get("Restart")).toEqual(["on-failure"]);
    expect(unit.get("RestartPreventExitStatus")).toEqual(["2 3"]);
    expect(unit.get("EnvironmentFile")).toEqual(["/etc/nianbao/nianbao.env"]);
    expect(unit.get("User")).toEqual(["nianbao"]);
    expect(unit.get("ProtectSystem")).toEqual(["strict"]);
    expect(unit.get("ReadWritePaths")).toEqual(["/var/lib/nianbao"]);
    expect(unit.get("Environment")?.join(" ")).toContain("DATA_DIR=/var/lib/nianbao");
    for (const key of ["NoNewPrivileges", "PrivateTmp", "ProtectHome", "PrivateDevices", "RestrictSUIDSGID"]) expect(unit.get(key)).toEqual(["yes"]);
    expect(unit.get("ExecStart")).toEqual(["/usr/bin/node dist/main.js"]);
  });

  it("passes systemd-analyze verify", async (context) => {
    const run = promisify(execFile);
    const available = await run("systemd-analyze", ["--version"]).then(() => true, () => false);
    if (!available) return context.skip("skipped: systemd-analyze not installed (apt-get install systemd)");
    const dir = await mkdtemp(join(tmpdir(), "nianbao-unit-"));
    try {
      const copy = join(dir, "nianbao.service");
      await writeFile(copy, (await readFile(UNIT, "utf8")).replace("/usr/bin/node", process.execPath));
      const result = await run("systemd-analyze", ["verify", copy]).then(
        ({ stderr }) => ({ code: 0, stderr }),
        (error: { code?: number; stderr?: string }) => ({ code: error.code ?? 1, stderr: error.stderr ?? "" }),
      );
      // Problems with the unit are printed against its path (unknown keys are only warnings, exit 0).
      const about = result.stderr.split("\n").filter((line) => line.includes("nianbao.service"));
      expect(about).toEqual([]);
      expect(result.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
