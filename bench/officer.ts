// The officer the bench plays: reaches table 3 once through the real bot (the template), is then
// cloned on disk as many times as needed, and answers numeric rows from there on: every row of
// 表三 (24 answers), the 表四 gate, and the three 表四 groups — 27 numeric answers per report.
import type { User } from "grammy/types";
import { callbackQuery, textMessage, user } from "../test/support/bot-harness.ts";
import type { Pipeline } from "./pipeline.ts";

export const AGENCY = "某区司法局";
export const REPORT_YEAR = 2023;

export interface Step {
  readonly text: string;
  /** A figure typed into a table row (what the per-answer numbers count). */
  readonly numeric: boolean;
}

const T3_ROWS_AFTER_GRANTED = 20;

/** From 表三 「一、本年新收」 to the end of 表四 (all figures consistent, so none is refused). */
export const ANSWER_STEPS: readonly Step[] = [
  { text: "3 1 0 0 0 0", numeric: true }, // 一、本年新收
  { text: "0 0 0 0 0 0", numeric: true }, // 二、上年结转
  { text: "3 1 0 0 0 0", numeric: true }, // （一）予以公开
  ...Array.from({ length: T3_ROWS_AFTER_GRANTED }, () => ({ text: "0", numeric: true })), // （二）…（六）
  { text: "0", numeric: true }, // 四、结转下年度继续办理
  { text: "是", numeric: false }, // 表四 gate
  { text: "0 0 0 0", numeric: true },
  { text: "0 0 0 0", numeric: true },
  { text: "0 0 0 0", numeric: true },
];

export const officer = (id: number): User => user({ id, first_name: "科员", language_code: "zh-hans" });

async function tap(pipeline: Pipeline, from: User, label: string): Promise<void> {
  const keyboard = await pipeline.lastKeyboard(from.id);
  const button = keyboard?.buttons.find((b) => b.text.includes(label));
  if (keyboard === undefined || button === undefined) throw new Error(`bench: no button 「${label}」 for officer ${from.id}`);
  await pipeline.send(callbackQuery(button.callback_data, from, { message_id: keyboard.messageId }), from.id);
}

/** /start → agency → 正确 → 表二 yes → six 表二 rows → 表三 yes: the state every clone starts from. */
export async function reachTable3(pipeline: Pipeline, from: User): Promise<number> {
  const say = (text: string): Promise<number> => pipeline.send(textMessage(text, from), from.id);
  let updates = 0;
  await say("/start");
  await say(AGENCY);
  await tap(pipeline, from, "正确");
  await say("是");
  updates += 4;
  for (const answer of ["1 0 3", "2 1 10", "64", "83", "5", "12.5"]) await say(answer);
  await say("是");
  return updates + 7;
}

/** Answers the officer's next step; resolves with the latency of its first reply. */
export function answer(pipeline: Pipeline, from: User, step: Step): Promise<number> {
  return pipeline.send(textMessage(step.text, from), from.id);
}
