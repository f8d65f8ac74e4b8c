// Telegram and its officers, in their own thread, for the throughput figure: a FakeBotApi the bot
// long-polls, and officers who each send their next answer as soon as the bot's next question (a
// message with a keyboard) reaches them. Nothing here runs on the bot's thread: the bot does its
// real intake (getUpdates), its work and its replies, and the crowd counts what came back.
import { parentPort } from "node:worker_threads";
import type { Update } from "grammy/types";
import { FakeBotApi, type Params } from "../test/support/fake-bot-api.ts";
import type { Step } from "./officer.ts";
import { summarise, type Summary } from "./stats.ts";

export type ToCrowd = { readonly kind: "go"; readonly officers: readonly number[]; readonly steps: readonly Step[]; readonly seconds: number } | { readonly kind: "close" };
export type FromCrowd =
  | { readonly kind: "ready"; readonly apiRoot: string; readonly botInfo: FakeBotApi["botInfo"] }
  | { readonly kind: "done"; readonly answers: number; readonly seconds: number; readonly latency: Summary; readonly latencies: number[]; readonly unanswered: number };

const port = parentPort;
if (port === null) throw new Error("bench: crowd-worker.ts runs as a worker thread");

interface Officer {
  readonly id: number;
  step: number;
  sentAt: number;
  /** The current update has had its first reply (its latency is taken). */
  replied: boolean;
}

const api = await FakeBotApi.start();
const officers = new Map<number, Officer>();
const latencies: number[] = [];
let steps: readonly Step[] = [];
let answers = 0;
let messageId = 0;
let deadline = 0;
let finished: (() => void) | undefined;

function message(officer: Officer, text: string): Omit<Update, "update_id"> {
  const from = { id: officer.id, is_bot: false, first_name: "科员", language_code: "zh-hans" };
  return { message: { message_id: (messageId += 1), date: 1_735_689_600, chat: { id: officer.id, type: "private", first_name: "科员" }, from, text } };
}

function sendNext(officer: Officer): void {
  const step = steps[officer.step];
  if (step === undefined || performance.now() > deadline) {
    officers.delete(officer.id);
    if (officers.size === 0) finished?.();
    return;
  }
  officer.sentAt = performance.now();
  officer.replied = false;
  api.pushUpdate(message(officer, step.text));
}

api.override("sendMessage", (params: Params) => {
  const chatId = typeof params["chat_id"] === "number" ? params["chat_id"] : 0;
  const officer = officers.get(chatId);
  if (officer !== undefined) {
    if (!officer.replied) {
      officer.replied = true;
      if (steps[officer.step]?.numeric === true) {
        answers += 1;
        latencies.push(performance.now() - officer.sentAt);
      }
    }
    // The next question (it has buttons) is what the officer answers; notes before it are read.
    if (params["reply_markup"] !== undefined) {
      officer.step += 1;
      queueMicrotask(() => sendNext(officer));
    }
  }
  const text = typeof params["text"] === "string" ? params["text"] : "";
  return { ok: true, result: { message_id: (messageId += 1), date: 1_735_689_600, chat: { id: chatId, type: "private", first_name: "科员" }, text } };
});
// The server keeps every call for tests; a bench sends tens of thousands.
setInterval(() => api.calls.splice(0, api.calls.length), 1_000).unref();

async function go(ids: readonly number[], script: readonly Step[], seconds: number): Promise<void> {
  steps = script;
  const started = performance.now();
  deadline = started + seconds * 1000;
  const done = new Promise<void>((resolve) => (finished = resolve));
  for (const id of ids) officers.set(id, { id, step: 0, sentAt: 0, replied: false });
  for (const officer of officers.values()) sendNext(officer);
  // Past the window, officers stop sending; wait (bounded) for the answers already sent.
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, (seconds + 30) * 1000))]);
  const elapsed = (performance.now() - started) / 1000;
  const result: FromCrowd = { kind: "done", answers, seconds: elapsed, latency: summarise(latencies), latencies, unanswered: officers.size };
  port?.postMessage(result);
}

port.on("message", (message: ToCrowd) => {
  if (message.kind === "go") void go(message.officers, message.steps, message.seconds);
  else void api.close().then(() => process.exit(0));
});
const ready: FromCrowd = { kind: "ready", apiRoot: api.apiRoot, botInfo: api.botInfo };
port.postMessage(ready);
