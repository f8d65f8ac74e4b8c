import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/log.ts";
import { openStore } from "../src/store/store.ts";

const TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghij";

function capture(secrets: string[] = [TOKEN]) {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", secrets, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines };
}

describe("createLogger", () => {
  it("writes JSON lines at the configured level", () => {
    const { logger, lines } = capture();
    logger.debug("hidden");
    logger.info({ file: "x.json" }, "saved");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: 30, msg: "saved", file: "x.json" });
  });

  it("scrubs the bot token from messages, fields and errors", () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error(`fetch https://api.telegram.org/bot${TOKEN}/sendMessage failed`) }, "call failed");
    logger.info({ url: `https://api.telegram.org/bot${TOKEN}/getMe` }, `token ${TOKEN}`);
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines.join("\n")).toContain("[redacted]");
  });

  it("scrubs token-shaped strings it was not told about", () => {
    const { logger, lines } = capture([]);
    logger.warn(`bot987654321:${"Z".repeat(35)} leaked`);
    expect(lines.join("")).not.toContain("Z".repeat(35));
  });

  it("never logs narrative text", () => {
    const { logger, lines } = capture();
    const narrative = "区应急管理局按照条例要求积极做好主动公开工作";
    logger.info({ text: { "s1.active": narrative } }, "answer");
    logger.info({ answer: { text: narrative } }, "answer");
    logger.info({ report: { text: { "s1.active": narrative } } }, "saved");
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).not.toContain(narrative);
  });
});

describe("createLogger with the store", () => {
  it("is the store's logger: a damaged report left out of a listing shows up as an error line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nianbao-log-"));
    try {
      const { logger, lines } = capture();
      let store = await openStore({ dataDir: dir, logger });
      await store.reports.updateReport({ departmentId: "d1", year: 2021 }, (c) => c, { by: "tg:1", at: "2022-01-10T09:00:00+08:00" });
      await store.close();
      await writeFile(join(dir, "reports/d1/2021.json"), "");
      store = await openStore({ dataDir: dir, logger });
      expect(await store.reports.listReports()).toEqual([]);
      await store.close();
      const error = lines.map((line) => JSON.parse(line) as { level: number; file?: string }).find((entry) => entry.level === 50);
      expect(error?.file).toBe("reports/d1/2021.json");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("LOG_FORMAT=pretty", () => {
  it("prints time, level, message and fields on one line, still scrubbed", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", secrets: [TOKEN], format: "pretty", destination: { write: (line: string) => void lines.push(line) } });
    logger.info({ update_id: 7, kind: "message", ms: 12.5, outcome: "ok" }, "update");
    logger.warn({ url: `https://api.telegram.org/bot${TOKEN}/getMe`, note: "two words" }, "call failed");
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}update update_id=7 kind=message ms=12\.5 outcome=ok\n$/);
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d WARN {2}call failed url=https:\/\/api\.telegram\.org\/bot\[redacted\]\/getMe note="two words"\n$/);
    expect(lines.join("")).not.toContain(TOKEN);
  });
});
