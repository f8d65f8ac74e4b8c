// Hostile officers: random event sequences with random text — control characters, characters XML
// 1.0 forbids (U+0000–U+001F, U+FFFE/U+FFFF, lone surrogates), bidi marks, 100 000 characters,
// emoji, full-width digits, Chinese numerals — through the engine. Nothing throws; every reply,
// rendered with the real Fluent files and the Telegram renderer, is well-formed and small enough;
// values change only to valid values; the final report renders to a .docx that strict XML parsing
// (and LibreOffice, where installed) accepts. A few sequences go through the real bot over HTTP.
// Runs: NIANBAO_FUZZ_RUNS (default 30 per property) — raise it for long runs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { startInterview, step, type InterviewEvent, type StepResult } from "../../src/core/interview/engine.ts";
import type { InterviewState } from "../../src/core/interview/state.ts";
import { renderReport } from "../../src/core/render/render-report.ts";
import { isCellId } from "../../src/core/report/cells.ts";
import { isNarrativeId } from "../../src/core/report/narrative.ts";
import { valueProblem } from "../../src/core/report/schema.ts";
import { LOCALES, LOCALES_DIR, translator, type Locale } from "../../src/i18n.ts";
import { renderMessage } from "../../src/telegram/render-reply.ts";
import { openOfficer } from "../app/interview-harness.ts";
import { NOW, seedReport } from "../core/interview/driver.ts";
import { convertWithLibreOffice, docxProblems, forbiddenChars, SOFFICE_MISSING, SOFFICE_REQUIRED } from "./docx-validity.ts";

const RUNS = Number(process.env["NIANBAO_FUZZ_RUNS"] ?? "30");
/** A case with hostile narratives takes ~100 ms (both locales rendered per step, plus a .docx): `npm run stress` asks for 1 000. */
// A safety net, not a speed limit: roomy enough for a machine pinned to one busy core.
const PROPERTY_TIMEOUT_MS = Math.max(120_000, RUNS * 1_000);
const TELEGRAM_LIMIT = 4096;
const CALLBACK_BYTES = 64;

/** Every Fluent message id of a locale (all feature files). */
function keysOf(locale: Locale): Set<string> {
  const dir = join(LOCALES_DIR, locale);
  const keys = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".ftl"))) {
    for (const match of readFileSync(join(dir, file), "utf8").matchAll(/^([a-z][a-z0-9-]*)\s*=/gmu)) keys.add(match[1] ?? "");
  }
  return keys;
}
const KEYS = new Map(LOCALES.map((locale) => [locale, keysOf(locale)]));
const T = new Map(LOCALES.map((locale) => [locale, translator(locale)]));

const HOSTILE = [
  "\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\ufffe", "\uffff", "\ud800", "\udbff", "\udc00", "\udfff",
  "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u200b", "\ufeff", "\u3000",
  "😀", "👨‍👩‍👧", "🇨🇳", "１", "２", "０", "９", "．", "－", "三", "十", "百", "千", "万", "零", "壹", "贰", "两",
  "0", "1", "7", " ", "\n", "\t", "-", ".", "<", ">", "&", "\"", "{", "}", "</w:t>", "]]>", "<!--", "自然人", "是", "否",
];
const WELL_KNOWN = ["0", "3 0 1 0 0 0", "自然人3 其他1", "三百二十一", "１２", "一、总体情况\n概述。", "是", "否", "跳过", "12.5"];
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...HOSTILE), { maxLength: 40 }).map((parts) => parts.join("")) },
  { weight: 2, arbitrary: fc.constantFrom(...WELL_KNOWN) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.nat(99_999).map((n) => [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join("")) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(100_000), "一".repeat(100_001), `${"\u0000".repeat(50_000)}${"😀".repeat(25_000)}`, "1 ".repeat(50_000)) },
);

type Pick =
  | { kind: "text"; text: string }
  | { kind: "tap"; index: number }
  | { kind: "forged"; data: string }
  | { kind: "command"; name: Extract<InterviewEvent, { type: "command" }>["name"]; arg?: string }
  | { kind: "unsupported" };

const pick: fc.Arbitrary<Pick> = fc.oneof(
  { weight: 5, arbitrary: hostileText.map((text) => ({ kind: "text" as const, text })) },
  { weight: 4, arbitrary: fc.nat(60).map((index) => ({ kind: "tap" as const, index })) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ unit: "binary", maxLength: 100 }), fc.constantFrom("v0:j:9999", "v1:w:99:fix", "v99999999:skip", "v1:rv:9999")).map((data) => ({ kind: "forged" as const, data })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ name: fc.constantFrom("start", "report", "review", "edit", "export", "cancel", "help", "skip", "back" as const), arg: fc.option(hostileText, { nil: undefined }) })
      .map((c) => ({ kind: "command" as const, name: c.name, ...(c.arg === undefined ? {} : { arg: c.arg }) })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "unsupported" as const }) },
);

let cases = 0;
let steps = 0;
const finals: InterviewState[] = [];

function buttonsOf(result: StepResult): string[] {
  return result.replies.flatMap((reply) => (reply.kind === "message" ? (reply.buttons ?? []).flat().map((button) => button.data) : []));
}

function eventFor(choice: Pick, last: StepResult): InterviewEvent {
  switch (choice.kind) {
    case "text":
      return { type: "text", text: choice.text };
    case "tap": {
      const buttons = buttonsOf(last);
      return { type: "button", data: buttons[choice.index % Math.max(buttons.length, 1)] ?? "v0:skip" };
    }
    case "forged":
      return { type: "button", data: choice.data };
    case "command":
      return choice.arg === undefined ? { type: "command", name: choice.name } : { type: "command", name: choice.name, arg: choice.arg };
    case "unsupported":
      return { type: "unsupported", kind: "sticker" };
  }
}

/** Every reply as Telegram would get it, in both languages. */
function checkReplies(result: StepResult): void {
  for (const reply of result.replies) {
    if (reply.kind === "document") continue;
    for (const line of reply.lines) if ("key" in line) for (const locale of LOCALES) expect(KEYS.get(locale)?.has(line.key), `${locale}: ${line.key}`).toBe(true);
    for (const button of (reply.buttons ?? []).flat()) {
      expect(Buffer.byteLength(button.data, "utf8"), button.data).toBeLessThanOrEqual(CALLBACK_BYTES);
      for (const locale of LOCALES) expect(KEYS.get(locale)?.has(button.label.key), `${locale}: ${button.label.key}`).toBe(true);
    }
    for (const locale of LOCALES) {
      const t = T.get(locale) ?? translator(locale);
      for (const message of renderMessage(t, reply)) {
        expect(message.text.length).toBeLessThanOrEqual(TELEGRAM_LIMIT);
        expect(message.text.trim()).not.toBe("");
        // An unresolved Fluent placeable prints as {$name} or the bare key.
        expect(message.text).not.toMatch(/\{\s*\$[a-zA-Z]/u);
        for (const row of message.keyboard ?? []) {
          for (const button of row) {
            expect(button.text.trim()).not.toBe("");
            if ("callback_data" in button) expect(Buffer.byteLength(button.callback_data, "utf8")).toBeLessThanOrEqual(CALLBACK_BYTES);
          }
        }
      }
    }
  }
}

function checkChanges(result: StepResult): void {
  for (const change of result.changes) {
    if (isCellId(change.cell)) {
      if (change.new !== undefined) expect(valueProblem(change.cell, change.new), `${change.cell} = ${String(change.new)}`).toBeNull();
    } else if (isNarrativeId(change.cell)) {
      if (change.new !== undefined) expect(typeof change.new).toBe("string");
    } else {
      expect(["meta.agency", "meta.year"], change.cell).toContain(change.cell);
    }
  }
  for (const [id, value] of Object.entries(result.state.report.values)) expect(valueProblem(id, value), `${id} = ${String(value)}`).toBeNull();
}

function drive(initial: InterviewState, picks: readonly Pick[]): InterviewState {
  let last = step(initial, { type: "command", name: "start" }, { now: NOW });
  let state = last.state;
  for (const choice of picks) {
    const result = step(state, eventFor(choice, last), { now: NOW });
    steps += 1;
    checkReplies(result);
    checkChanges(result);
    last = result;
    state = result.state;
  }
  cases += 1;
  return state;
}

/** Up to three reports with hostile text for LibreOffice, small enough to lay out in seconds. */
function keepForLibreOffice(state: InterviewState): void {
  const text = Object.values(state.report.text).join("");
  if (finals.length >= 3 || text === "" || JSON.stringify(state.report).length > 40_000) return;
  // Prefer reports whose text carries what XML forbids: the renderer must have dropped it.
  if (forbiddenChars(text).length > 0 || finals.length < 2) finals.push(state);
}

async function checkDocx(state: InterviewState): Promise<void> {
  const bytes = await renderReport(state.report, { draft: true });
  expect(await docxProblems(bytes)).toEqual([]);
}

afterAll(() => {
  console.log(`[fuzz] interview: ${cases} sequences, ${steps} hostile events (NIANBAO_FUZZ_RUNS=${RUNS})`);
});

describe("the interview engine under hostile input", () => {
  it("holds from a fresh start; the final report renders to valid XML", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pick, { maxLength: 40 }), async (picks) => {
        const state = drive(startInterview({ agency: "某区司法局", year: 2023 }), picks);
        await checkDocx(state);
        keepForLibreOffice(state);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("holds on a complete report, its narratives rewritten with hostile text", async () => {
    const prefill = seedReport();
    await fc.assert(
      fc.asyncProperty(fc.array(pick, { maxLength: 30 }), hostileText, async (picks, text) => {
        // Text straight into every narrative part, as an import or a stored report could carry it.
        const hostile = { ...prefill, text: Object.fromEntries(Object.keys(prefill.text).map((id) => [id, text])) };
        const state = drive(startInterview({ agency: `奉化区${text.slice(0, 20)}`, year: 2021 }, { prefill: hostile }), picks);
        await checkDocx(state);
        keepForLibreOffice(state);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("fuzzed reports in LibreOffice", () => {
  if (SOFFICE_MISSING !== null && SOFFICE_REQUIRED) {
    it("has LibreOffice", () => expect.fail(`${SOFFICE_MISSING} (NIANBAO_REQUIRE_SOFFICE=1)`));
    return;
  }
  if (SOFFICE_MISSING !== null) console.warn(SOFFICE_MISSING);
  it.skipIf(SOFFICE_MISSING !== null)("converts three fuzzed reports to PDF", async () => {
    expect(finals.length).toBeGreaterThan(0);
    const docs = await Promise.all(finals.slice(0, 3).map((state) => renderReport(state.report, { draft: true })));
    const sizes = await convertWithLibreOffice(docs);
    for (const size of sizes) expect(size).toBeGreaterThan(1000);
  }, 150_000);
});

describe("hostile text through the real bot over HTTP", () => {
  it("answers every message within Telegram's limits and never apologises for a crash", async () => {
    const officer = await openOfficer({ now: NOW });
    try {
      await officer.say("奉化区应急管理局");
      const texts = fc.sample(hostileText, { numRuns: Math.max(12, Math.floor(RUNS / 2)), seed: 20_250_120 });
      for (const [index, text] of texts.entries()) {
        // Alternate typing with tapping the newest button, as an officer would.
        const calls = index % 3 === 2 ? await tapNewest(officer) : await officer.say(text.trim() === "" ? "0" : text);
        const sent = calls.filter((call) => call.method === "sendMessage");
        expect(sent.length + calls.filter((call) => call.method === "sendDocument").length).toBeGreaterThan(0);
        for (const call of sent) {
          const body = String(call.params["text"] ?? "");
          expect(body.length).toBeLessThanOrEqual(TELEGRAM_LIMIT);
          expect(body).not.toBe(translator("zh-CN")("bot-error"));
        }
        cases += 1;
      }
      expect(officer.h.logger.entries.filter((entry) => entry.level === "error")).toEqual([]);
    } finally {
      await officer.close();
    }
  }, 60_000);
});

async function tapNewest(officer: Awaited<ReturnType<typeof openOfficer>>): Promise<Awaited<ReturnType<typeof officer.say>>> {
  const withKeyboard = [...officer.seen].reverse().find((call) => call.method === "sendMessage" && call.params["reply_markup"] !== undefined);
  const markup = withKeyboard?.params["reply_markup"] as { inline_keyboard?: { text: string }[][] } | undefined;
  const label = markup?.inline_keyboard?.flat()[0]?.text;
  return label === undefined ? officer.say("0") : officer.tap(label);
}
