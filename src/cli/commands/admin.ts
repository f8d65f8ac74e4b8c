// `npx nianbao admin …` on DATA_DIR: add-office <office>, add-department <office> <department>,
// invite <office-or-department> --role officer|supervisor|leader [--expires 7d], list, invitations,
// revoke <ref>, remove-member <user id>, move-department <department> <office>.
// Offices and departments are named by name or id. While the bot runs, the request goes to it over
// its control socket (one writer per data folder); otherwise the CLI opens the store itself.
import { getRandomValues } from "node:crypto";
import { connect } from "node:net";
import { join } from "node:path";
import { AdminRefusal, runAdminAction } from "../../app/admin-actions.ts";
import { CONTROL_SOCKET, type ControlRequest, type ControlResponse } from "../../app/control-server.ts";
import { CURRENT_FORMAT, LegacyJournalError, NewerFormatError, openStore, StoreLockedError, upgradeDataFolder, type Store } from "../../app/data-folder.ts";
import type { Line } from "../../core/summary/line.ts";
import { RELEASE } from "../../repo-root.ts";
import { CliError, cliLogger, dataDirOf, refuseLocked, type CliArgs, type CliContext } from "../cli-context.ts";

/** The answer of the bot holding DATA_DIR (src/app/control-server.ts), or undefined when none answers. */
function askRunningBot(dataDir: string, request: ControlRequest): Promise<ControlResponse | undefined> {
  return new Promise((resolve) => {
    const socket = connect(join(dataDir, CONTROL_SOCKET));
    let text = "";
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", () => resolve(undefined));
    socket.on("close", () => {
      try {
        resolve(JSON.parse(text) as ControlResponse);
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** Runs `direct` on the store, or sends `request` to the bot holding it; a silent holder is refused (exit 3). */
export async function withStoreOrBot<T>(cli: CliContext, request: ControlRequest, direct: (store: Store) => Promise<T>, viaBot: (response: ControlResponse & { ok: true }) => Promise<T>): Promise<T> {
  const dataDir = dataDirOf(cli);
  let store: Store;
  try {
    store = await openStore({ dataDir, logger: cliLogger(cli) });
  } catch (error) {
    if (error instanceof LegacyJournalError) throw new CliError("store-legacy-journal", { dir: join(error.dataDir, "journal"), segments: String(error.segments) }, 3);
    if (!(error instanceof StoreLockedError)) throw error;
    const response = await askRunningBot(dataDir, request);
    if (response === undefined) return refuseLocked(error);
    if (!response.ok) throw new CliError(response.key, response.params, response.exitCode);
    return viaBot(response);
  }
  try {
    // A folder opened here first gets its format, and older data is upgraded as the bot would.
    await upgradeDataFolder(store, RELEASE, new Date().toISOString()).catch((error: unknown) => {
      if (error instanceof NewerFormatError) throw new CliError("store-format-newer", { format: error.format, release: error.writtenBy, current: CURRENT_FORMAT }, 2);
      throw error;
    });
    return await direct(store);
  } finally {
    await store.close();
  }
}

export async function adminCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const [sub] = args.positionals;
  if (sub === undefined || sub === "help") {
    cli.out(cli.t("org-cli-usage"));
    return sub === undefined ? 2 : 0;
  }
  const request = { positionals: args.positionals, role: args.values.role, expires: args.values.expires };
  const print = (lines: readonly Line[]): number => {
    for (const line of lines) cli.out(cli.t(line.key, { ...line.params }));
    return 0;
  };
  const botUsername = cli.env["BOT_USERNAME"]?.replace(/^@/, "") || undefined;
  return withStoreOrBot(
    cli,
    { v: 1, command: "admin", positionals: [...args.positionals], ...(request.role === undefined ? {} : { role: request.role }), ...(request.expires === undefined ? {} : { expires: request.expires }) },
    async (store) => {
      try {
        return print(await runAdminAction({ store, now: () => new Date().toISOString(), randomBytes: (n) => getRandomValues(new Uint8Array(n)), botUsername }, request));
      } catch (error) {
        if (error instanceof AdminRefusal) throw new CliError(error.key, error.params, error.exitCode);
        throw error;
      }
    },
    async (response) => print(response.lines ?? []),
  );
}
