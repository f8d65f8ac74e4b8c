// `npx nianbao admin …` on DATA_DIR (subcommands: org-cli-usage in locales). While the bot runs, the
// request goes over its control socket (one writer per data folder); otherwise the CLI opens the store.
import { getRandomValues } from "node:crypto";
import { connect } from "node:net";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { answerControl, CONTROL_SOCKET, type ControlRequest, type ControlResponse } from "../../app/control-server.ts";
import { StoreLockedError, type Store } from "../../app/data-folder.ts";
import { openDataFolder } from "../../app/open-data-folder.ts";
import { RELEASE } from "../../repo-root.ts";
import { CliError, cliLogger, dataDirOf, refuseStore, type CliArgs, type CliContext } from "../cli-context.ts";

/** The answer of the bot holding DATA_DIR (src/app/control-server.ts), or undefined when none answers. */
async function askRunningBot(dataDir: string, request: ControlRequest): Promise<ControlResponse | undefined> {
  const socket = connect(join(dataDir, CONTROL_SOCKET));
  socket.write(`${JSON.stringify(request)}\n`);
  try {
    return JSON.parse(await text(socket)) as ControlResponse;
  } catch {
    return undefined;
  }
}

/** The bot's answer when it holds the data folder (a silent holder is refused, exit 3), else this process's. */
async function answer(cli: CliContext, request: ControlRequest): Promise<ControlResponse> {
  const dataDir = dataDirOf(cli);
  let store: Store;
  try {
    // A folder opened here first gets its format, and older data is upgraded as the bot would.
    ({ store } = await openDataFolder({ dataDir, logger: cliLogger(cli) }, RELEASE, new Date().toISOString()));
  } catch (error) {
    if (error instanceof StoreLockedError) return (await askRunningBot(dataDir, request)) ?? refuseStore(error);
    return refuseStore(error);
  }
  try {
    const botUsername = cli.env["BOT_USERNAME"]?.replace(/^@/, "") || undefined;
    const deps = { store, now: () => new Date().toISOString(), randomBytes: (n: number) => getRandomValues(new Uint8Array(n)), botUsername };
    return await answerControl(deps, request);
  } finally {
    await store.close();
  }
}

/** The control request answered by the bot or on the store; a refusal becomes the CLI's error. */
export async function askStoreOrBot(cli: CliContext, request: ControlRequest): Promise<ControlResponse & { ok: true }> {
  const response = await answer(cli, request);
  if (!response.ok) throw new CliError(response.key, { ...response.params }, response.exitCode);
  return response;
}

export async function adminCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const [sub] = args.positionals;
  if (sub === undefined || sub === "help") {
    cli.out(cli.t("org-cli-usage"));
    return sub === undefined ? 2 : 0;
  }
  const { role, expires } = args.values;
  const request: ControlRequest = { v: 1, command: "admin", positionals: [...args.positionals], ...(role === undefined ? {} : { role }), ...(expires === undefined ? {} : { expires }) };
  for (const line of (await askStoreOrBot(cli, request)).lines ?? []) cli.out(cli.t(line.key, { ...line.params }));
  return 0;
}
