// Button callback data: `v<version>:<verb>[:<arg>][:<flag>]`, short (≤ 64 bytes, Telegram's limit)
// and parsed strictly through ActionSchema, because a client may send stale or forged data.
import { z } from "zod";

const index = z.number().int().nonnegative();
const bare = <T extends string>(type: T) => z.object({ type: z.literal(type) }).strict();

const ActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("gate"), yes: z.boolean() }).strict(),
  z.object({ type: z.literal("confirm"), yes: z.boolean() }).strict(),
  z.object({ type: z.literal("meta"), what: z.enum(["ok", "agency", "year"]) }).strict(),
  bare("skip"),
  bare("back"),
  bare("group-zero"),
  bare("remainder"),
  bare("draft"),
  /** A shown split declined: the paste is saved whole to the part being asked. */
  bare("split-whole"),
  bare("last-year"),
  z.object({ type: z.literal("append"), question: index }).strict(),
  z.object({ type: z.literal("jump"), question: index }).strict(),
  z.object({ type: z.literal("section"), section: index }).strict(),
  z.object({ type: z.literal("review"), page: index }).strict(),
  z.object({ type: z.literal("warning"), index, fix: z.boolean() }).strict(),
  bare("export"),
]);

export type Action = z.infer<typeof ActionSchema>;

export const MAX_CALLBACK_BYTES = 64;

// Each action's short verb, then its fields in the order they are written.
const CODEC: Record<Action["type"], readonly [verb: string, ...fields: string[]]> = {
  gate: ["g", "yes"], confirm: ["c", "yes"], meta: ["m", "what"], append: ["ap", "question"], jump: ["j", "question"],
  section: ["s", "section"], review: ["rv", "page"], warning: ["w", "index", "fix"],
  "group-zero": ["gz"], remainder: ["rem"], "split-whole": ["sw"], "last-year": ["ly"],
  skip: ["skip"], back: ["back"], draft: ["draft"], export: ["export"],
};
const BY_VERB = new Map(Object.entries(CODEC).map(([type, [verb, ...fields]]) => [verb, { type, fields }]));
/** How the boolean fields are written: [true, false]. */
const BOOLEAN_WORDS: Readonly<Record<string, readonly [string, string]>> = { yes: ["y", "n"], fix: ["fix", "ok"] };

export function encodeAction(version: number, action: Action): string {
  const [verb, ...fields] = CODEC[action.type];
  const values = new Map<string, unknown>(Object.entries(action));
  const written = fields.map((field) => {
    const value = values.get(field);
    const words = BOOLEAN_WORDS[field];
    return typeof value === "boolean" && words !== undefined ? words[value ? 0 : 1] : String(value);
  });
  return [`v${version}`, verb, ...written].join(":");
}

function read(field: string, text: string): unknown {
  const words = BOOLEAN_WORDS[field];
  if (words !== undefined) return text === words[0] ? true : text === words[1] ? false : undefined;
  return /^\d{1,4}$/u.test(text) ? Number(text) : text;
}

const PATTERN = /^v(\d{1,9}):([a-z]{1,6})(?::([a-z0-9]{1,6}))?(?::([a-z]{1,3}))?$/u;

/** The version and action of callback data, or undefined when it is not ours. */
export function parseCallback(data: string): { version: number; action: Action } | undefined {
  const match = data.length > MAX_CALLBACK_BYTES ? null : PATTERN.exec(data);
  const codec = BY_VERB.get(match?.[2] ?? "");
  const args = match?.slice(3).filter((arg) => arg !== undefined) ?? [];
  if (match === null || codec === undefined || args.length !== codec.fields.length) return undefined;
  const fields = codec.fields.map((field, i) => [field, read(field, args[i] ?? "")]);
  const parsed = ActionSchema.safeParse({ type: codec.type, ...Object.fromEntries(fields) });
  return parsed.success ? { version: Number(match[1]), action: parsed.data } : undefined;
}
