// Which workspace resolver the app runs with. Organisation mode (membership by invitation) takes
// over once ADMIN_IDS is set or org.json has an office; the org feature extends this hook. Until
// then everyone works in personal mode.
import type { App } from "./app.ts";
import { personalWorkspaces } from "./personal-workspaces.ts";
import type { ResolveWorkspace } from "./workspace.ts";

export type AppBase = Omit<App, "workspaces">;

export async function chooseWorkspaces(app: AppBase): Promise<ResolveWorkspace> {
  return personalWorkspaces(app.store);
}
