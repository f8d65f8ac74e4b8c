// org.json: offices (政务公开 offices that supervise), their departments, the people and pending
// invitations. The zod schema is the single source of truth for the types.
import { z } from "zod";
import { nameSchema } from "../report/schema.ts";

export const ROLES = ["admin", "supervisor", "officer", "leader"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const Id = z.string().trim().min(1).max(100);
/** An ISO-8601 instant with offset, e.g. 2025-01-30T16:30:00Z. */
const Instant = z.iso.datetime({ offset: true });

export const OfficeSchema = z.object({ id: Id, name: nameSchema(200) }).strict();
export const DepartmentSchema = z.object({ id: Id, officeId: Id, name: nameSchema(200) }).strict();

export const MemberSchema = z
  .object({
    /** Telegram user id, as a string. */
    userId: Id,
    role: RoleSchema,
    officeId: Id.optional(),
    departmentId: Id.optional(),
  })
  .strict();

/** Where an invitation (and so a membership) points: an office or one of its departments. */
export const InvitationTargetSchema = z.union([
  z.object({ kind: z.literal("office"), officeId: Id }).strict(),
  z.object({ kind: z.literal("department"), departmentId: Id }).strict(),
]);

export const InvitationSchema = z
  .object({
    /** hash(code): the code itself is never stored. */
    codeHash: z.string().min(1),
    target: InvitationTargetSchema,
    role: RoleSchema,
    expiresAt: Instant,
    createdBy: Id,
    usedBy: Id.optional(),
    usedAt: Instant.optional(),
    /** The chat update that redeemed it: the same update delivered again is the same redemption. */
    usedByUpdate: z.number().int().optional(),
  })
  .strict();

export const OrgSchema = z
  .object({
    offices: z.array(OfficeSchema),
    departments: z.array(DepartmentSchema),
    members: z.array(MemberSchema),
    invitations: z.array(InvitationSchema),
  })
  .strict();

export type Org = z.infer<typeof OrgSchema>;
export type Office = z.infer<typeof OfficeSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type InvitationTarget = z.infer<typeof InvitationTargetSchema>;

export function emptyOrg(): Org {
  return { offices: [], departments: [], members: [], invitations: [] };
}
