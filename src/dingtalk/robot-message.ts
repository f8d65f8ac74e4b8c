// A robot message as the Stream gateway delivers it (the CALLBACK frame's `data`, a JSON string),
// checked once with zod: only what the channel uses, the rest passes through untouched.
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

/**
 * The message id as the interview's dedupe key. The store keeps handled ids as numbers (Telegram's
 * update ids, well below 2^40); DingTalk's are strings, so they map above 2^52 by a hash, so
 * the two channels never collide and the stored record's shape stays as it is.
 */
export async function updateIdOf(msgId: string): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(msgId)));
  let value = 0;
  for (let i = 0; i < 6; i += 1) value = value * 256 + (digest[i] ?? 0);
  // 48 bits of hash above 2^52: a safe integer, never a Telegram update id.
  return 2 ** 52 + value;
}
