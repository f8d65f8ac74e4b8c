// Invitation codes over the real bot: random guesses, near misses of a real code, reuse, the expiry
// instant, and a code for office X used by someone already in office Y. Every refusal is asserted by
// what the person was told AND by the store's files, which must not change.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.ts";
import { textMessage, textOf, user } from "../support/bot-harness.ts";
import { codeOf } from "../telegram/supervision-support.ts";
import { buildTemplate, changedFiles, copyWorld, NOW, ROLES, snapshot, type SecurityWorld, type Template } from "./security-world.ts";

const zh = translator("zh-CN");
const RUNS = Number(process.env["NIANBAO_FUZZ_RUNS"] ?? "150");
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

let template: Template;
let w: SecurityWorld & { dispose(): Promise<void> };
let checks = 0;

beforeAll(async () => {
  template = await buildTemplate();
  w = await copyWorld(template);
}, 60_000);
afterAll(async () => {
  await w.dispose();
  await template.remove();
  console.log(`[security] invitations: ${checks} refused/accepted codes checked`);
});

async function start(code: string, from = ROLES.stranger): Promise<{ text: string; changed: string[] }> {
  const before = await snapshot(w.dir);
  const calls = await w.h.send(textMessage(`/start ${code}`, from));
  const after = await snapshot(w.dir);
  checks += 1;
  return { text: calls.filter((c) => c.method === "sendMessage").map(textOf).join("\n"), changed: changedFiles(before, after) };
}

async function refused(code: string, key: string, from = ROLES.stranger): Promise<void> {
  const { text, changed } = await start(code, from);
  expect(text, code).toBe(zh(key));
  expect(changed, code).toEqual([]);
}

async function invite(target: string, role: string, expiry = ""): Promise<string> {
  const calls = await w.h.send(textMessage(`/invite ${target} ${role} ${expiry}`.trim(), ROLES.admin));
  return codeOf(textOf(calls[0]));
}

describe("invitation codes", () => {
  it("random guesses, in the code's own alphabet and length or anything else, are refused and store nothing", async () => {
    const code22 = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 22, maxLength: 22 });
    const anything = fc.string({ unit: "grapheme", maxLength: 100 }).filter((text) => text.trim() !== "" && !/\s/u.test(text));
    await fc.assert(
      fc.asyncProperty(fc.oneof(code22, code22, anything), async (guess) => {
        await refused(guess, "sup-redeem-error-unknown");
      }),
      { numRuns: RUNS },
    );
  });

  it("every near miss of a real code is refused, and the real code still works afterwards", async () => {
    const code = template.codes.officerD1;
    const misses = new Set<string>([code.slice(1), code.slice(0, -1), `${code}A`, `A${code}`, code.toUpperCase(), code.toLowerCase(), `${code}\u200b`, code.replace(/./u, "Ａ")]);
    for (let i = 0; i < code.length; i += 1) {
      const char = code[i] ?? "A";
      const other = ALPHABET[(ALPHABET.indexOf(char) + 1) % ALPHABET.length] ?? "A";
      misses.add(`${code.slice(0, i)}${other}${code.slice(i + 1)}`);
    }
    misses.delete(code);
    for (const miss of misses) await refused(miss, "sup-redeem-error-unknown");
    const { text } = await start(code, user({ id: 9401 }));
    expect(text).toContain("欢迎");
  });

  it("a used code is refused for everyone, its redeemer included", async () => {
    const code = await invite("d1", "officer");
    expect((await start(code, user({ id: 9402 }))).text).toContain("欢迎");
    await refused(code, "sup-redeem-error-used", user({ id: 9403 }));
    await refused(code, "sup-redeem-error-used", user({ id: 9402 }));
  });

  it("a code expires at its instant exactly, not a millisecond later", async () => {
    const code = await invite("d1", "officer", "1d");
    w.clock.now = new Date(Date.parse(NOW) + 86_400_000).toISOString();
    await refused(code, "sup-redeem-error-expired", user({ id: 9404 }));
    w.clock.now = new Date(Date.parse(NOW) + 86_400_000 - 1).toISOString();
    expect((await start(code, user({ id: 9404 }))).text).toContain("欢迎");
    w.clock.now = NOW;
  });

  it("a code for office X is refused to a member of office Y, and stays usable by its invitee", async () => {
    const code = await invite("d1", "officer");
    await refused(code, "sup-redeem-error-elsewhere", ROLES.officerB);
    await refused(code, "sup-redeem-error-elsewhere", ROLES.supervisorY);
    const supervisorCode = await invite("o1", "supervisor");
    await refused(supervisorCode, "sup-redeem-error-elsewhere", ROLES.officerB);
    // Officer B still works on their own department only.
    const denied = await w.h.send(textMessage("/export 2024 d1", ROLES.officerB));
    expect(textOf(denied[0])).toBe(zh("sup-denied", { action: "exportReport" }));
    expect((await start(code, user({ id: 9405 }))).text).toContain("欢迎");
    expect((await start(supervisorCode, user({ id: 9406 }))).text).toContain("欢迎");
  });

  it("one person, one role per office: an officer cannot redeem a supervisor code of their own office", async () => {
    const code = await invite("o1", "supervisor");
    await refused(code, "sup-redeem-error-other-role", ROLES.officerA);
    // The code stays usable by its invitee.
    expect((await start(code, user({ id: 9407 }))).text).toContain("欢迎");
  });
});
