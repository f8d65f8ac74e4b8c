// registerCommands sets the menu for zh-CN (default) and English, with the .ftl descriptions.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import { registerCommands } from "../../src/telegram/commands.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";

let fake: FakeBotApi;
beforeEach(async () => { fake = await FakeBotApi.start(); });
afterEach(() => fake.close());

const NAMES = ["start", "report", "review", "edit", "export", "preview", "submit", "reopen", "lang", "help", "cancel", "status", "summary", "deadline", "invite", "whoami"];

describe("registerCommands", () => {
  it("sets the default (Chinese) and the English menu", async () => {
    await registerCommands(new Api("1:T", { apiRoot: fake.apiRoot }));
    const calls = fake.callsOf("setMyCommands");
    expect(calls).toHaveLength(2);
    const [zh, en] = calls as [(typeof calls)[number], (typeof calls)[number]];
    expect(zh.params["language_code"]).toBeUndefined();
    expect(en.params["language_code"]).toBe("en");
    const zhCommands = zh.params["commands"] as { command: string; description: string }[];
    const enCommands = en.params["commands"] as { command: string; description: string }[];
    expect(zhCommands.map((c) => c.command)).toEqual(NAMES);
    expect(enCommands.map((c) => c.command)).toEqual(NAMES);
    expect(zhCommands.find((c) => c.command === "export")?.description).toBe("生成 Word 文档（/export pdf、/export html 生成 PDF 或网页）");
    expect(enCommands.find((c) => c.command === "export")?.description).toBe("Produce the Word document (/export pdf or /export html for PDF or web)");
    expect(zhCommands.find((c) => c.command === "summary")?.description).toContain("主管");
    expect(enCommands.find((c) => c.command === "status")?.description).toContain("supervisors");
    // Every description is real text, not a key echoed back.
    for (const c of [...zhCommands, ...enCommands]) expect(c.description).not.toMatch(/bot-commands|^\{/);
  });

  it("gives each admin's chat the admin menu too", async () => {
    await registerCommands(new Api("1:T", { apiRoot: fake.apiRoot }), { adminIds: ["9001"] });
    const scoped = fake.callsOf("setMyCommands").filter((call) => call.params["scope"] !== undefined);
    expect(scoped).toHaveLength(1);
    const scope = scoped[0]?.params["scope"];
    expect(typeof scope === "string" ? JSON.parse(scope) : scope).toEqual({ type: "chat", chat_id: 9001 });
    const commands = (scoped[0]?.params["commands"] as { command: string }[]).map((c) => c.command);
    expect(commands).toEqual([...NAMES, "orgs", "addoffice", "adddept", "invitations", "revoke", "removemember", "movedept"]);
  });

  it("fails loudly when Telegram refuses the menu", async () => {
    fake.override("setMyCommands", () => ({ ok: false, error_code: 400, description: "Bad Request: BOT_COMMAND_INVALID" }));
    await expect(registerCommands(new Api("1:T", { apiRoot: fake.apiRoot }))).rejects.toThrow(/BOT_COMMAND_INVALID/);
  });
});
