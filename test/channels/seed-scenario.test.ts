// The seed report end to end, the same scenario over each transport: Telegram through grammY
// against the fake Bot API, DingTalk through the official Stream SDK and robot API against the
// fake DingTalk. Each prints its interaction count.
import { afterEach, describe, expect, it } from "vitest";
import { median, openOfficer } from "../app/interview-harness.ts";
import { openDingOfficer } from "../dingtalk/dingtalk-harness.ts";
import { dingTalkDriver, telegramDriver } from "./channel-drivers.ts";
import { runSeedScenario } from "./seed-scenario.ts";

const NOW = "2022-01-10T02:00:00.000Z";
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("the seed report end to end, on every transport", () => {
  it("Telegram: from /start to a final .docx that reads back as the seed, in at most 25 interactions", async () => {
    const o = await openOfficer({ now: NOW });
    close = async () => o.close();
    const { interactions } = await runSeedScenario(telegramDriver(o), "/start");
    console.info(`seed report via Telegram: ${interactions} interactions, answer latency p50 ${median(o.latencies).toFixed(1)} ms`);
  }, 60_000);

  it("DingTalk: from a first 你好 to a final .docx that reads back as the seed, in at most 25 interactions", async () => {
    const o = await openDingOfficer({ now: NOW });
    close = async () => o.close();
    const d = dingTalkDriver(o);
    const { interactions } = await runSeedScenario(d, "你好");
    // The very first reply is Markdown (DingTalk has no HTML).
    expect(o.fake.sent[0]?.msgKey).toBe("sampleMarkdown");
    // Every callback acknowledged; every message DingTalk's: Markdown, cards, files, no HTML.
    expect(o.fake.unacked()).toEqual([]);
    for (const m of o.fake.sent) {
      expect(m.userId).toBe(o.staffId);
      expect(m.param["text"] ?? "").not.toMatch(/<\/?(b|i|pre|code|a)\b|&(amp|lt|gt);/u);
    }
    expect(o.fake.sent.filter((m) => m.msgKey === "sampleFile").map((m) => m.param["fileType"])).toEqual(["docx", "docx"]);
    expect(o.fake.calls.filter((c) => c.status >= 400)).toEqual([]);
    console.info(`seed report via DingTalk: ${interactions} interactions, ${o.fake.sent.length} messages sent`);
  }, 60_000);
});
