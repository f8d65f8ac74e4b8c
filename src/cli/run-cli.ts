// The CLI as a function (argv → exit code) so tests run it in-process with captured output.
import { localeFor, translator, isLocale, type Locale } from "../i18n.ts";
import { parseArgs, stringOption } from "./args.ts";
import { CliError } from "./cli-error.ts";
import type { CliContext } from "./cli-context.ts";
import { checkCommand } from "./commands/check.ts";
import { demoCommand } from "./commands/demo.ts";
import { importCommand } from "./commands/import.ts";
import { renderCommand } from "./commands/render.ts";
import { summaryCommand } from "./commands/summary.ts";
import { adminCommand } from "./commands/admin.ts";

type Command = (args: ReturnType<typeof parseArgs>, cli: CliContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  import: importCommand,
  check: checkCommand,
  render: renderCommand,
  summary: summaryCommand,
  demo: demoCommand,
  admin: adminCommand,
};

/** Commands added by other features (admin …) register here. */
export function registerCommand(name: string, command: Command): void {
  COMMANDS[name] = command;
}

const BOOLEAN_FLAGS = ["json", "draft", "help", "h", "pdf", "html", "all"];

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function pickLocale(flag: string | undefined, env: CliIo["env"]): Locale {
  if (flag !== undefined && isLocale(flag)) return flag;
  if (flag !== undefined) return localeFor(flag);
  return localeFor(env["NIANBAO_LANG"] ?? env["LC_ALL"] ?? env["LANG"]);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, BOOLEAN_FLAGS);
  const t = translator(pickLocale(stringOption(args, "lang"), io.env));
  const cli: CliContext = { t, ...io };
  const [name, ...rest] = args.positionals;
  if (name === undefined || args.options["help"] === true || args.options["h"] === true || name === "help") {
    io.out(t("cli-help"));
    return name === undefined && args.options["help"] === undefined && args.options["h"] === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(t("cli-unknown-command", { command: name }));
    return 2;
  }
  try {
    return await command({ positionals: rest, options: args.options }, cli);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(t(error.key, error.params));
      for (const detail of error.details) io.err(`  • ${detail}`);
      return error.exitCode;
    }
    io.err(t("cli-internal-error", { reason: error instanceof Error ? error.message : String(error) }));
    if (io.env["NIANBAO_DEBUG"] !== undefined && error instanceof Error && error.stack !== undefined) io.err(error.stack);
    return 3;
  }
}
