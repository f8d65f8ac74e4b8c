// The organisation in DingTalk, through the same app services as Telegram's invites and
// submission features: an invitation code sent as a message (DingTalk has no deep links into a
// robot chat), /submit and /reopen [reason], and lifecycle messages (pings, returns) delivered to
// people on DingTalk whatever channel the sender used.
import type { App } from "../app/app.ts";
import { createLifecycleService, type ActOutcome, type Delivery } from "../app/lifecycle-service.ts";
import { createOrgService } from "../app/org-service.ts";
import { deliverAcrossChannels } from "../app/person-channels.ts";
import { refusalText } from "../app/refusal-text.ts";
import type { ReportKey } from "../app/data-folder.ts";
import type { Translate } from "../i18n.ts";

/** Invitation codes are URL-safe base64 (core/org/invitations.ts). */
const CODE = /^[A-Za-z0-9_-]{16,64}$/u;

export interface OrgCommands {
  /** Text replies when the message was an organisation step; undefined when it is for the interview. */
  handle(person: string, text: string, t: Translate): Promise<string[] | undefined>;
  /** A lifecycle message for a DingTalk person: its text, and the jump button when it has one. */
  deliveryText(t: Translate, delivery: Delivery): { text: string; button?: { label: string; data: string } };
}

export function orgCommands(app: App): OrgCommands {
  const org = createOrgService(app);
  const lifecycle = createLifecycleService(app, () => org.org());

  async function act(t: Translate, person: string, run: (key: ReportKey) => Promise<ActOutcome>, done: string): Promise<string[]> {
    const resolved = await app.workspaces(person, app.now());
    if (resolved.kind !== "ready") return [t("org-not-officer")];
    const key = { departmentId: resolved.workspace.departmentId, year: resolved.workspace.year };
    const outcome = await run(key);
    if (!outcome.ok) return [refusalText(t, outcome)];
    // Supervisors hear of it on their own channel (Telegram or DingTalk).
    await deliverAcrossChannels(app, key, outcome.deliveries);
    return [t(done, { year: String(key.year), agency: resolved.workspace.agency })];
  }

  return {
    async handle(person, text, t) {
      const trimmed = text.trim();
      const command = /^\/(submit|reopen)(?:\s+([\s\S]*))?$/u.exec(trimmed);
      if (command?.[1] === "submit") return act(t, person, (key) => lifecycle.submit(person, key), "org-submitted");
      if (command?.[1] === "reopen") {
        const reason = command[2]?.trim() ?? "";
        return act(t, person, (key) => lifecycle.reopen(person, key, reason === "" ? undefined : reason), "org-reopened");
      }
      if ((await app.workspaces(person, app.now())).kind !== "stranger") return undefined;
      // Someone not yet in the organisation: a code is an invitation, anything else gets the explanation.
      const code = trimmed.replace(/^\/start\s+/u, "");
      if (!CODE.test(code)) return [t("org-stranger")];
      const redeemed = await org.redeem(code, person);
      if (!redeemed.ok) return [t(`sup-redeem-error-${redeemed.error}`)];
      app.logger.info({ userId: person, role: redeemed.member.role }, "dingtalk: joined");
      return [`${t("sup-redeem-welcome", { role: redeemed.member.role, place: redeemed.place })}\n${t("org-joined-next", { role: redeemed.member.role })}`];
    },

    deliveryText(tr, delivery) {
      const text = tr(delivery.key, { ...delivery.params });
      return delivery.jumpData === undefined ? { text } : { text, button: { label: tr("sup-open-question"), data: delivery.jumpData } };
    },
  };
}
