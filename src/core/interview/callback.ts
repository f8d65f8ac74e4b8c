// Button callback data: `v<version>:<verb>[:<n>][:<flag>]`, short (≤ 64 bytes, Telegram's limit)
// and parsed strictly, because a client may send stale or forged data.
export type Action =
  | { type: "gate"; yes: boolean }
  | { type: "confirm"; yes: boolean }
  | { type: "meta"; what: "ok" | "agency" | "year" }
  | { type: "skip" }
  | { type: "back" }
  | { type: "group-zero" }
  | { type: "remainder" }
  | { type: "draft" }
  /** A shown split declined: the paste is saved whole to the part being asked. */
  | { type: "split-whole" }
  | { type: "last-year" }
  | { type: "append"; question: number }
  | { type: "jump"; question: number }
  | { type: "section"; section: number }
  | { type: "review"; page: number }
  | { type: "warning"; index: number; fix: boolean }
  | { type: "export" };

export const MAX_CALLBACK_BYTES = 64;

function body(action: Action): string {
  switch (action.type) {
    case "gate":
      return `g:${action.yes ? "y" : "n"}`;
    case "confirm":
      return `c:${action.yes ? "y" : "n"}`;
    case "meta":
      return `m:${action.what}`;
    case "skip":
    case "back":
    case "draft":
    case "export":
      return action.type;
    case "group-zero":
      return "gz";
    case "split-whole":
      return "sw";
    case "remainder":
      return "rem";
    case "last-year":
      return "ly";
    case "append":
      return `ap:${action.question}`;
    case "jump":
      return `j:${action.question}`;
    case "section":
      return `s:${action.section}`;
    case "review":
      return `rv:${action.page}`;
    case "warning":
      return `w:${action.index}:${action.fix ? "fix" : "ok"}`;
  }
}

export function encodeAction(version: number, action: Action): string {
  return `v${version}:${body(action)}`;
}

const PATTERN = /^v(\d{1,9}):([a-z]{1,6})(?::([a-z0-9]{1,6}))?(?::([a-z]{1,3}))?$/u;

const yesNo = (flag: string | undefined): boolean | undefined => (flag === "y" ? true : flag === "n" ? false : undefined);
const index = (text: string | undefined): number | undefined => (text !== undefined && /^\d{1,4}$/u.test(text) ? Number(text) : undefined);

function action(verb: string, arg: string | undefined, flag: string | undefined): Action | undefined {
  const n = index(arg);
  const yes = yesNo(arg);
  if (flag !== undefined && verb !== "w") return undefined;
  switch (verb) {
    case "g":
      return yes === undefined ? undefined : { type: "gate", yes };
    case "c":
      return yes === undefined ? undefined : { type: "confirm", yes };
    case "m":
      return arg === "ok" || arg === "agency" || arg === "year" ? { type: "meta", what: arg } : undefined;
    case "skip":
    case "back":
    case "draft":
    case "export":
      return arg === undefined ? { type: verb } : undefined;
    case "gz":
      return arg === undefined ? { type: "group-zero" } : undefined;
    case "sw":
      return arg === undefined ? { type: "split-whole" } : undefined;
    case "rem":
      return arg === undefined ? { type: "remainder" } : undefined;
    case "ly":
      return arg === undefined ? { type: "last-year" } : undefined;
    case "ap":
      return n === undefined ? undefined : { type: "append", question: n };
    case "j":
      return n === undefined ? undefined : { type: "jump", question: n };
    case "s":
      return n === undefined ? undefined : { type: "section", section: n };
    case "rv":
      return n === undefined ? undefined : { type: "review", page: n };
    case "w":
      return n === undefined || (flag !== "ok" && flag !== "fix") ? undefined : { type: "warning", index: n, fix: flag === "fix" };
    default:
      return undefined;
  }
}

/** The version and action of callback data, or undefined when it is not ours. */
export function parseCallback(data: string): { version: number; action: Action } | undefined {
  if (data.length > MAX_CALLBACK_BYTES) return undefined;
  const match = PATTERN.exec(data);
  if (match === null) return undefined;
  const [, version = "", verb = "", arg, flag] = match;
  const parsed = action(verb, arg, flag);
  return parsed === undefined ? undefined : { version: Number(version), action: parsed };
}
