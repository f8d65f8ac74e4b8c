// `npx nianbao admin …` on DATA_DIR (the bot's store; refused while the bot runs: one process per
// store, see store-lock.ts): add-office <office>, add-department <office> <department>,
// invite <office-or-department> --role officer|supervisor|leader [--expires 7d], list.
// Offices and departments are named by name or id.
import { getRandomValues } from "node:crypto";
import { join, resolve } from "node:path";
import { createOrgService, expiryFrom, orgListLines } from "../../app/org-service.ts";
import { localDate } from "../../core/deadline/shanghai.ts";
import { ROLES, type Role } from "../../core/org/org-schema.ts";
import { LegacyJournalError, LOCK_FILE, openStore, StoreLockedError, type Store } from "../../app/data-folder.ts";
import type { CliArgs } from "../run-cli.ts";
import type { CliContext } from "../cli-context.ts";
import { CliError } from "../cli-error.ts";

const INVITABLE: readonly Role[] = ROLES.filter((role) => role !== "admin");

async function withStore<T>(cli: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  const dataDir = resolve(cli.cwd, cli.env["DATA_DIR"] ?? join(cli.cwd, "data"));
  const store = await openStore({
    dataDir,
    logger: { warn: (obj, msg) => cli.err(`${msg ?? ""} ${JSON.stringify(obj)}`), error: (obj, msg) => cli.err(`${msg ?? ""} ${JSON.stringify(obj)}`) },
  }).catch((error: unknown) => {
    // The bot is running on this folder: it caches what it stores, so change nothing.
    if (error instanceof StoreLockedError) throw new CliError("store-locked", { pid: String(error.pid), lock: join(error.dataDir, LOCK_FILE) }, 3);
    if (error instanceof LegacyJournalError) throw new CliError("store-legacy-journal", { dir: join(error.dataDir, "journal"), segments: String(error.segments) }, 3);
    throw error;
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export async function adminCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const [sub, ...rest] = args.positionals;
  if (sub === undefined || sub === "help") {
    cli.out(cli.t("org-cli-usage"));
    return sub === undefined ? 2 : 0;
  }
  const now = new Date().toISOString();
  const botUsername = cli.env["BOT_USERNAME"]?.replace(/^@/, "") || undefined;
  return withStore(cli, async (store) => {
    const org = createOrgService({ store, now: () => now, randomBytes: (n) => getRandomValues(new Uint8Array(n)), botUsername });
    switch (sub) {
      case "add-office": {
        const name = rest.join(" ").trim();
        if (name === "") throw new CliError("org-cli-usage");
        const added = await org.addOffice(name);
        if (!added.ok) throw new CliError(`sup-org-error-${added.error}`);
        cli.out(cli.t("org-office-added", { name: added.office.name, id: added.office.id }));
        return 0;
      }
      case "add-department": {
        const [office, ...names] = rest;
        const name = names.join(" ").trim();
        if (office === undefined || name === "") throw new CliError("org-cli-usage");
        const added = await org.addDepartment(office, name);
        if (!added.ok) throw new CliError(`sup-org-error-${added.error}`);
        cli.out(cli.t("org-department-added", { name: added.department.name, id: added.department.id, office }));
        return 0;
      }
      case "invite": {
        const target = rest.join(" ").trim();
        const role = INVITABLE.find((candidate) => candidate === (args.values.role ?? "officer"));
        const expiresAt = expiryFrom(now, args.values.expires);
        if (target === "" || role === undefined || expiresAt === undefined) throw new CliError("org-cli-usage");
        const invited = await org.invite({ target, role, expiresAt, by: "cli" });
        if (!invited.ok) throw new CliError(`sup-invite-error-${invited.error}`);
        cli.out(cli.t("org-invite-for", { place: invited.place }));
        cli.out(cli.t("sup-invite-created", { role, expires: localDate(expiresAt), link: invited.link }));
        return 0;
      }
      case "list": {
        for (const line of orgListLines(await org.org(), now)) cli.out(cli.t(line.key, { ...line.params }));
        return 0;
      }
      default:
        throw new CliError("org-cli-usage");
    }
  });
}
