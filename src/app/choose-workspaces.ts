// Which workspace resolver the app runs with. Organisation mode (membership by invitation) takes
// over once ADMIN_IDS is set or org.json has an office; until then everyone works in personal mode
// (each user fills their own agency's report), so a single office can use the bot with no set-up.
import type { App } from "./app.ts";
import { createOrgService } from "./org-service.ts";
import { orgWorkspaces } from "./org-workspaces.ts";
import { personalWorkspaces } from "./personal-workspaces.ts";
import type { ResolveWorkspace } from "./workspace.ts";

export type AppBase = Omit<App, "workspaces">;

export async function chooseWorkspaces(app: AppBase): Promise<ResolveWorkspace> {
  const org = createOrgService(app);
  const organisation = orgWorkspaces(app, () => org.org());
  if (app.adminIds.length > 0) return organisation;
  const personal = personalWorkspaces(app.store);
  // Decided per request: an office added while the bot runs (`npx nianbao admin` over the control
  // socket) switches to organisation mode at once, without a restart. org.json stays loaded.
  return async (userId, at) => ((await org.org()).offices.length > 0 ? organisation(userId, at) : personal(userId, at));
}
