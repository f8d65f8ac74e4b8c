// The CLI as a function (argv → exit code) so tests run it in-process with captured output.
import { parseArgs } from "node:util";
import { isLocale, localeFor, terminalLocale, translator, type Locale } from "../i18n.ts";
import { CliError, OPTIONS, type CliArgs, type CliContext, type CliIo } from "./cli-context.ts";
import { adminCommand } from "./commands/admin.ts";
import { backupCommand, restoreCommand } from "./commands/backup.ts";
import { checkCommand } from "./commands/check.ts";
import { demoCommand } from "./commands/demo.ts";
import { doctorCommand } from "./commands/doctor.ts";
import { importCommand } from "./commands/import.ts";
import { renderCommand } from "./commands/render.ts";
import { summaryCommand } from "./commands/summary.ts";

const COMMANDS: Record<string, (args: CliArgs, cli: CliContext) => Promise<number>> = {
  import: importCommand,
  check: checkCommand,
  render: renderCommand,
  summary: summaryCommand,
  demo: demoCommand,
  admin: adminCommand,
  doctor: doctorCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

function pickLocale(flag: string | undefined, env: CliIo["env"]): Locale {
  if (flag !== undefined) return isLocale(flag) ? flag : localeFor(flag);
  return terminalLocale(env);
}

/** A flag parseArgs refuses (unknown, or missing its value), as the officer typed it. */
function refusedFlag(error: unknown): string | undefined {
  if (!(error instanceof TypeError) || !("code" in error) || typeof error.code !== "string" || !error.code.startsWith("ERR_PARSE_ARGS")) return undefined;
  return /'([^']+)'/.exec(error.message)?.[1] ?? error.message;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const flag = refusedFlag(error);
    if (flag === undefined) throw error;
    io.err(translator(pickLocale(undefined, io.env))("cli-bad-option", { option: flag }));
    return 2;
  }
  const t = translator(pickLocale(args.values.lang, io.env));
  const [name, ...rest] = args.positionals;
  if (name === undefined || args.values.help === true || name === "help") {
    io.out(t("cli-help"));
    return name === undefined && args.values.help === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(t("cli-unknown-command", { command: name }));
    return 2;
  }
  try {
    return await command({ positionals: rest, values: args.values }, { t, ...io });
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
