// The fake Bot API itself: body parsing (incl. grammY's unquoted non-ASCII multipart names),
// recording, files, long polling and fault injection — over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Api, InputFile } from "grammy";
import { FakeBotApi, parseBody } from "../support/fake-bot-api.ts";
import { until } from "../support/until.ts";

const TOKEN = "42:SECRET";
let fake: FakeBotApi;
let api: Api;

beforeEach(async () => {
  fake = await FakeBotApi.start();
  api = new Api(TOKEN, { apiRoot: fake.apiRoot, timeoutSeconds: 5 });
});
afterEach(() => fake.close());

describe("fake Bot API", () => {
  it("keeps a Chinese file name and the exact bytes that grammY uploads", async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x41]);
    const sent = await api.sendDocument(77, new InputFile(bytes, "2021年度报告（政务公开）.docx"), { caption: "年报" });
    const call = fake.callsOf("sendDocument")[0];
    expect(call?.files).toHaveLength(1);
    expect(call?.files[0]?.field).toBe("document");
    expect(call?.files[0]?.filename).toBe("2021年度报告（政务公开）.docx");
    expect(Buffer.compare(call?.files[0]?.bytes ?? Buffer.alloc(0), bytes)).toBe(0);
    expect(call?.params["chat_id"]).toBe(77);
    expect(call?.params["caption"]).toBe("年报");
    expect(sent.document?.file_name).toBe("2021年度报告（政务公开）.docx");
    // What the bot sent can be downloaded back.
    const file = await api.getFile(sent.document?.file_id ?? "");
    const res = await fetch(`${fake.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), bytes)).toBe(0);
  });

  it("parses quoted multipart, urlencoded and JSON bodies", () => {
    const body = Buffer.from('--XX\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n-1005\r\n--XX\r\nContent-Disposition: form-data; name="document"; filename="报告.html"\r\nContent-Type: text/html\r\n\r\n<p>a</p>\r\n--XX--\r\n');
    const multipart = parseBody("multipart/form-data; boundary=XX", body);
    expect(multipart.params).toEqual({ chat_id: -1005 });
    expect(multipart.files).toEqual([{ field: "document", filename: "报告.html", bytes: Buffer.from("<p>a</p>") }]);
    const form = parseBody("application/x-www-form-urlencoded", Buffer.from("chat_id=5&text=123&reply_markup=%7B%22a%22%3A1%7D"));
    expect(form.params).toEqual({ chat_id: 5, text: "123", reply_markup: { a: 1 } });
    expect(parseBody("application/json", Buffer.from('{"chat_id":"@x","text":"hi"}')).params).toEqual({ chat_id: "@x", text: "hi" });
  });

  it("numbers messages per chat and refuses an edit that changes nothing", async () => {
    const a1 = await api.sendMessage(1, "一");
    const b1 = await api.sendMessage(2, "二");
    const a2 = await api.sendMessage(1, "三");
    expect([a1.message_id, b1.message_id, a2.message_id]).toEqual([1, 1, 2]);
    await api.editMessageText(1, 2, "四");
    await expect(api.editMessageText(1, 2, "四")).rejects.toThrow(/message is not modified/);
    await expect(api.sendMessage(1, " ")).rejects.toThrow(/message text is empty/);
    expect(fake.messagesTo(1).map((c) => c.params["text"])).toEqual(["一", "三"]);
  });

  it("waitFor resolves with the next calls to a chat and times out with a clear message", async () => {
    const waiting = fake.waitFor(9, 2);
    void api.sendMessage(8, "other");
    void api.sendMessage(9, "a");
    // "b" only once "a" is recorded: a timer could let a stalled "a" arrive second on a loaded machine.
    await until(() => fake.calls.some((c) => c.params["text"] === "a"));
    void api.sendMessage(9, "b");
    expect((await waiting).map((c) => c.params["text"])).toEqual(["a", "b"]);
    await expect(fake.waitFor(9, 1, 100)).rejects.toThrow(/waited 100 ms for 1 call\(s\) to chat 9, got 0/);
  });

  it("serves files and long-polls getUpdates", async () => {
    const stored = fake.addFile(Buffer.from("年报内容"), "年报.txt");
    const file = await api.getFile(stored.file_id);
    const res = await fetch(`${fake.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(await res.text()).toBe("年报内容");
    await expect(api.getFile("nope")).rejects.toThrow(/invalid file_id/);

    // A poll that waited out its 50 s instead of answering the push would hit the test's timeout.
    const polling = new Api(TOKEN, { apiRoot: fake.apiRoot, timeoutSeconds: 60 }).getUpdates({ offset: 0, timeout: 50 });
    await until(() => fake.calls.some((c) => c.method === "getUpdates"));
    fake.pushUpdate({ message: { message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "a" }, from: { id: 1, is_bot: false, first_name: "a" }, text: "hi" } });
    const updates = await polling;
    expect(updates.map((u) => u.update_id)).toEqual([1]);
    // Confirming with offset drops it; an empty poll returns after its timeout.
    expect(await api.getUpdates({ offset: 2, timeout: 0 })).toEqual([]);
    await api.setWebhook("https://example.org/hook");
    await expect(api.getUpdates({ timeout: 0 })).rejects.toThrow(/Conflict/);
  });

  it("injects 429 with retry_after, 500 and a hung response", async () => {
    fake.inject({ kind: "429", retryAfter: 7, method: "sendMessage" }, { kind: "500" });
    const limited = await api.sendMessage(1, "x").catch((e: unknown) => e);
    expect(limited).toMatchObject({ error_code: 429, parameters: { retry_after: 7 } });
    await expect(api.sendMessage(1, "y")).rejects.toMatchObject({ error_code: 500 });
    await api.sendMessage(1, "z");
    expect(fake.calls.map((c) => c.outcome)).toEqual(["429", "500", "ok"]);

    const impatient = new Api(TOKEN, { apiRoot: fake.apiRoot, timeoutSeconds: 1 });
    fake.inject({ kind: "hang" });
    await expect(impatient.sendMessage(1, "hung")).rejects.toMatchObject({ name: "HttpError", error: { message: expect.stringMatching(/timed out after 1 seconds/) } });
    expect(fake.calls.at(-1)?.outcome).toBe("hang");
    expect(fake.messagesTo(1).map((c) => c.params["text"])).toEqual(["z"]);
  });

  it("injects faults at a rate from a seeded random source", async () => {
    const rolls = [0.05, 0.5, 0.15, 0.9];
    fake.setFaultRates({ p429: 0.1, p500: 0.1, random: () => rolls.shift() ?? 1 });
    const outcomes = [];
    for (const text of ["a", "b", "c", "d"]) outcomes.push(await api.sendMessage(3, text).then(() => "ok", (e: { error_code: number }) => String(e.error_code)));
    expect(outcomes).toEqual(["429", "ok", "500", "ok"]);
  });

  it("close() ends a pending long poll", async () => {
    // Waited out, the 50 s poll would hit the test's timeout: ending it is what passes.
    const polling = new Api(TOKEN, { apiRoot: fake.apiRoot, timeoutSeconds: 60 }).getUpdates({ timeout: 50 }).then(() => "answered", () => "failed");
    await until(() => fake.calls.some((c) => c.method === "getUpdates"));
    await fake.close();
    expect(["answered", "failed"]).toContain(await polling);
  });
});
