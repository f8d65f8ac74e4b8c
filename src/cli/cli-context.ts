// What every CLI command gets: its parsed flags, the translator, the two output streams (tests
// capture them), and the one error it reports as a translated line and an exit code.
import { resolve } from "node:path";
import type { parseArgs } from "node:util";
import { storeRefusal } from "../app/open-data-folder.ts";
import type { Translate, TranslateParams } from "../i18n.ts";

/** Every flag of every command, declared once for node:util's parseArgs. */
export const OPTIONS = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  draft: { type: "boolean" },
  output: { type: "string", short: "o" },
  "last-year": { type: "string" },
  agency: { type: "string" },
  year: { type: "string" },
  role: { type: "string" },
  expires: { type: "string" },
  pdf: { type: "boolean" },
  html: { type: "boolean" },
  office: { type: "string" },
  all: { type: "boolean" },
} as const;

export interface CliArgs {
  readonly positionals: string[];
  readonly values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];
}

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Working directory for relative defaults (data/, out files). */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface CliContext extends CliIo {
  readonly t: Translate;
}

/** A failure the CLI reports as one translated line (and details) and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    readonly key: string,
    readonly params: TranslateParams = {},
    readonly exitCode = 2,
    readonly details: readonly string[] = [],
  ) {
    super(key);
  }
}

export const dataDirOf = (cli: CliIo): string => resolve(cli.cwd, cli.env["DATA_DIR"] ?? "data");

/** The store's log lines, on stderr. */
export function cliLogger(cli: CliIo) {
  const log = (obj: object, msg?: string): void => cli.err(`${msg ?? ""} ${JSON.stringify(obj)}`);
  return { warn: log, error: log };
}

/** Rethrows, saying why when the data folder was refused (held by another process, old or newer data). */
export function refuseStore(error: unknown): never {
  const refusal = storeRefusal(error);
  throw refusal === undefined ? error : new CliError(refusal.key, refusal.params, refusal.exitCode);
}
