// What a real network does to the DingTalk channel, against the fake: the gateway drops the socket
// mid-interview (before and after a callback's ack), DingTalk redelivers a callback, the access
// token expires, the send API answers 429 and 5xx. The report must come out as the seed with
// every answer stored once, and the officer must not get a message twice.
import { afterEach, describe, expect, it } from "vitest";
import { dingTalkDriver } from "../channels/channel-drivers.ts";
import { answerSeed, expectSeed, finalDocument } from "../channels/seed-scenario.ts";
import type { SentMessage } from "../support/fake-dingtalk.ts";
import { openDingOfficer, type DingOfficer } from "./dingtalk-harness.ts";

let officer: DingOfficer | undefined;
afterEach(async () => officer?.close());

const NOW = "2022-01-10T02:00:00.000Z";

async function begin(o: DingOfficer): Promise<void> {
  await o.say("你好");
  await o.say("奉化区应急管理局");
}

/** Each stored cell changed once per answer: no answer doubled, none lost. */
async function expectEachAnswerOnce(o: DingOfficer): Promise<void> {
  const record = await o.store.reports.getReport({ departmentId: `pdingtalk-${o.staffId}`, year: 2021 });
  const cells = (record?.history ?? []).map((entry) => entry.cell);
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.filter((cell, i) => cells.indexOf(cell) !== i)).toEqual([]);
}

const keyOf = (m: SentMessage): string => `${m.msgKey}:${m.param["text"] ?? m.param["fileName"] ?? ""}`;

/** The seed report answered with no faults: what DingTalk was asked to send, to compare a faulty run with. */
async function cleanSeedRun(): Promise<string[]> {
  const clean = (officer = await openDingOfficer({ now: NOW }));
  await begin(clean);
  await answerSeed(dingTalkDriver(clean));
  const sent = clean.fake.sent.map(keyOf);
  await clean.close();
  return sent;
}

describe("DingTalk: reliability", () => {
  it("the gateway drops the socket mid-interview, before and after acks: the SDK reconnects, nothing is lost or doubled", async () => {
    const expected = await cleanSeedRun();

    const o = (officer = await openDingOfficer({ now: NOW }));
    await begin(o);
    const d = dingTalkDriver(o);
    await answerSeed(d, async (step) => {
      // After an answer: the socket goes away between messages.
      if (step === 2) o.fake.drop();
      // The next callback's frame is followed at once by a drop, before its ack can come back:
      // DingTalk delivers it again on the next connection.
      if (step === 5 || step === 9) o.fake.dropAfterFrames = 1;
    });
    expect(o.fake.connections).toBeGreaterThanOrEqual(4);
    expect(o.fake.deliveries).toBeGreaterThan(o.interactions);
    expectSeed((await finalDocument(d)).report);
    await expectEachAnswerOnce(o);
    // The same messages, in the same order, as without the drops (file ids aside).
    expect(o.fake.sent.map(keyOf)).toEqual(expected);
    expect(o.fake.unacked()).toEqual([]);
  }, 120_000);

  it("a redelivered callback is absorbed: acked again with no new message, and after a restart it changes nothing", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await begin(o);
    await o.tap("正确");
    await o.tap("否");
    const before = o.fake.sent.length;
    const historyOf = async (): Promise<number> => (await o.store.reports.getReport({ departmentId: `pdingtalk-${o.staffId}`, year: 2021 }))?.history.length ?? 0;
    const { messageId } = await o.fake.deliver({ staffId: o.staffId, text: "0" });
    const afterAnswer = o.fake.sent.length;
    expect(afterAnswer).toBeGreaterThan(before);
    const stored = await historyOf();
    // The ack was lost on the way: DingTalk sends the same callback again.
    await o.fake.redeliver(messageId);
    expect(o.fake.sent.length).toBe(afterAnswer);
    // A restart forgets what was answered in memory; the stored msgId still absorbs it.
    await o.restart();
    await o.fake.redeliver(messageId);
    const resent = o.fake.sent.slice(afterAnswer);
    // The current question again (its first sending may have been lost), never the next one.
    expect(resent.length).toBe(1);
    expect(await historyOf()).toBe(stored);
    await expectEachAnswerOnce(o);
    expect(o.fake.unacked()).toEqual([]);
  }, 60_000);

  it("an expired token is refreshed and 429/5xx are retried, without a message sent twice", async () => {
    const expected = await cleanSeedRun();

    const o = (officer = await openDingOfficer({ now: NOW }));
    await begin(o);
    const d = dingTalkDriver(o);
    await answerSeed(d, async (step) => {
      if (step === 1) o.fake.expireTokens();
      if (step === 3) o.fake.sendFaults.push(429, 429);
      if (step === 6) o.fake.sendFaults.push(500, 503);
      // Before the last answer, whose replies include the final file.
      if (step === 13) o.fake.expireTokens();
    });
    expectSeed((await finalDocument(d)).report);
    const statuses = o.fake.calls.filter((call) => call.path === "/v1.0/robot/oToMessages/batchSend").map((call) => call.status);
    expect(statuses.filter((status) => status === 401).length).toBe(2);
    expect(statuses.filter((status) => status === 429).length).toBe(2);
    expect(statuses.filter((status) => status >= 500).length).toBe(2);
    expect(o.fake.calls.filter((call) => call.path === "/v1.0/oauth2/accessToken").length).toBe(3);
    expect(o.fake.sent.map(keyOf)).toEqual(expected);
  }, 120_000);
  it("a half-open connection (no pong, no frames) is noticed by keepAlive and reopened; the waiting message is answered", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await begin(o);
    const connections = o.fake.connections;
    o.fake.halfOpen();
    // Waits until the SDK's keepAlive (a ping every 8 s) gives up on the silent socket and reconnects.
    const reply = await o.tap("正确");
    expect(o.fake.connections).toBe(connections + 1);
    expect(reply.length).toBeGreaterThan(0);
    expect(o.fake.unacked()).toEqual([]);
  }, 60_000);
});
