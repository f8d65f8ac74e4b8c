// A robot message as the Stream gateway delivers it (the CALLBACK frame's `data`), checked with zod.
import { createHash } from "node:crypto";
import { z } from "zod";

export const RobotMessageSchema = z.looseObject({
  msgId: z.string().min(1),
  /** The person in the enterprise: the robot API addresses them by this (never senderId). */
  senderStaffId: z.string().min(1),
  /** "1" one-to-one, "2" group. */
  conversationType: z.string(),
  msgtype: z.string(),
  text: z.looseObject({ content: z.string() }).optional(),
  content: z.looseObject({ downloadCode: z.string().optional(), fileName: z.string().optional() }).optional(),
  sessionWebhook: z.string().optional(),
});
export type RobotMessage = z.infer<typeof RobotMessageSchema>;

/** Store ids are A–Z a–z 0–9 _ - (at most 64): a staffId outside that cannot own a report. */
const STAFF_ID = /^[A-Za-z0-9_-]{1,48}$/;

/** The app's person for a DingTalk staff member (`dingtalk-<staffId>`), or undefined when unusable. */
export function personOf(staffId: string): string | undefined {
  return STAFF_ID.test(staffId) ? `dingtalk-${staffId}` : undefined;
}

export function staffIdOf(person: string): string | undefined {
  return person.startsWith("dingtalk-") ? person.slice("dingtalk-".length) : undefined;
}

/** The message id as the dedupe key: stored handled ids are numbers, so 48 bits of its hash above 2^52, above any Telegram update id. */
export function updateIdOf(msgId: string): number {
  return 2 ** 52 + Number.parseInt(createHash("sha256").update(msgId).digest("hex").slice(0, 12), 16);
}
