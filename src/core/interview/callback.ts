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

// Short verbs: the data must stay within 64 bytes with any version and index.
const VERBS: Record<Action["type"], string> = {
  gate: "g", confirm: "c", meta: "m", append: "ap", jump: "j", section: "s", review: "rv", warning: "w",
  "group-zero": "gz", remainder: "rem", "split-whole": "sw", "last-year": "ly",
  skip: "skip", back: "back", draft: "draft", export: "export",
};

/** The actions that carry nothing but their verb. */
const BARE = ["skip", "back", "group-zero", "remainder", "draft", "split-whole", "last-year", "export"] as const;

function args(action: Action): (string | number)[] {
  switch (action.type) {
    case "gate":
    case "confirm":
      return [action.yes ? "y" : "n"];
    case "meta":
      return [action.what];
    case "append":
    case "jump":
      return [action.question];
    case "section":
      return [action.section];
    case "review":
      return [action.page];
    case "warning":
      return [action.index, action.fix ? "fix" : "ok"];
    default:
      return [];
  }
}

export function encodeAction(version: number, action: Action): string {
  return [`v${version}`, VERBS[action.type], ...args(action)].join(":");
}

const PATTERN = /^v(\d{1,9}):([a-z]{1,6})(?::([a-z0-9]{1,6}))?(?::([a-z]{1,3}))?$/u;

function action(verb: string, arg: string | undefined, flag: string | undefined): Action | undefined {
  const n = arg !== undefined && /^\d{1,4}$/u.test(arg) ? Number(arg) : undefined;
  const yes = arg === "y" ? true : arg === "n" ? false : undefined;
  if (flag !== undefined && verb !== "w") return undefined;
  const bare = BARE.find((type) => VERBS[type] === verb);
  if (bare !== undefined) return arg === undefined ? { type: bare } : undefined;
  switch (verb) {
    case "g":
      return yes === undefined ? undefined : { type: "gate", yes };
    case "c":
      return yes === undefined ? undefined : { type: "confirm", yes };
    case "m":
      return arg === "ok" || arg === "agency" || arg === "year" ? { type: "meta", what: arg } : undefined;
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
