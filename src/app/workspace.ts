// Which report a user works on. Two resolvers exist: personal mode (no organisation configured:
// everyone fills their own agency's report) and organisation mode (membership by invitation).
// main.ts picks: organisation mode once ADMIN_IDS is set or org.json has an office.

export interface Workspace {
  /** Store key of the department (ASCII: [A-Za-z0-9_-]{1,64}). */
  readonly departmentId: string;
  readonly officeId?: string;
  /** The agency name printed in the title, e.g. 奉化区应急管理局. */
  readonly agency: string;
  /** The report year being worked on (the previous calendar year in Asia/Shanghai by default). */
  readonly year: number;
}

export type WorkspaceResult =
  | { readonly kind: "ready"; readonly workspace: Workspace }
  /** Personal mode, first contact: ask the agency name, then `ready`. */
  | { readonly kind: "needs-agency" }
  /** Organisation mode, not a member: explain how to get an invitation; nothing else. */
  | { readonly kind: "stranger" };

/** `at` is the current ISO instant (the year defaults from it). */
export type ResolveWorkspace = (userId: string, at: string) => Promise<WorkspaceResult>;
