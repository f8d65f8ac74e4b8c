// Running the organisation from the chat, over the real bot and the fake Bot API: /whoami in both
// languages, listing and revoking invitations (the revoked link then fails), removing a member
// (they lose access at once, no restart), moving a department (the other office reviews it), and
// who may do each. Every change is read back from the store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgService } from "../../src/app/org-service.ts";
import { textMessage, textOf, user } from "../support/bot-harness.ts";
import { codeOf, startWorld, type World } from "./supervision-support.ts";

const adminUser = user({ id: 9001 });
const officerA = user({ id: 9201 });
const supervisorX = user({ id: 9101 });
const supervisorY = user({ id: 9102 });
const stranger = user({ id: 9301, language_code: "en" });

let w: World;
const say = async (text: string, from = adminUser) => textOf((await w.h.send(textMessage(text, from)))[0]);
const org = () => createOrgService(w.app).org();

beforeAll(async () => {
  w = await startWorld("2025-01-20T02:00:00Z");
  await say("/addoffice 甲区政务公开办");
  await say("/addoffice 乙区政务公开办");
  await say("/adddept o1 甲区应急管理局");
  await say("/adddept o2 乙区水利局");
  for (const [target, role, who] of [["d1", "officer", officerA], ["o1", "supervisor", supervisorX], ["o2", "supervisor", supervisorY]] as const) {
    await say(`/start ${codeOf(await say(`/invite ${target} ${role}`))}`, who);
  }
});
afterAll(() => w.close());

describe("/whoami", () => {
  it("tells anyone their numeric id, in their language, and what to do with it", async () => {
    const en = await say("/whoami", stranger);
    expect(en).toContain("Your Telegram user id is 9301.");
    expect(en).toContain("ADMIN_IDS");
    expect(await say("/whoami")).toBe("您的 Telegram 用户编号是 9001。\n您是本机器人的管理员。");
    expect(await say("/whoami", officerA)).toContain("您已加入某个单位或部门");
  });
});

describe("invitations in the chat", () => {
  it("lists open invitations with a reference and revokes one: its link then fails", async () => {
    const link = await say("/invite d1 officer 3d");
    const listed = await say("/invitations");
    const [line] = listed.split("\n");
    expect(listed.split("\n")).toHaveLength(1);
    expect(line).toMatch(/^#[0-9a-f]{8} · 部门填报人 → 甲区应急管理局，有效期至 2025-01-23$/);
    const ref = /^#([0-9a-f]{8})/.exec(line ?? "")?.[1] ?? "";
    // A supervisor of another office neither sees nor revokes it.
    expect(await say("/invitations", supervisorY)).toBe("目前没有未使用的邀请。");
    expect(await say(`/revoke ${ref}`, supervisorY)).toBe("您没有邀请他人的权限。");
    expect(await say(`/revoke ${ref}`, supervisorX)).toBe(`邀请 #${ref} 已作废，链接不再有效。`);
    expect((await org()).invitations.filter((invitation) => invitation.usedBy === undefined)).toEqual([]);
    expect(await say(`/start ${codeOf(link)}`, user({ id: 9401 }))).toBe("邀请码无效，请向发出邀请的人重新索取链接。");
    expect(await say(`/revoke ${ref}`)).toBe("没有这个编号的未使用邀请；发送 /invitations 查看。");
    expect(await say("/revoke")).toBe("用法：/revoke 邀请编号（/invitations 列出的 #…）");
    expect(await say("/invitations", officerA)).toBe("您没有邀请他人的权限。");
  });
});

describe("members and departments in the chat", () => {
  it("moves a department to another office (admins only): the other office's supervisor now sees it", async () => {
    expect(await say("/movedept 甲区应急管理局 o2", supervisorX)).toBe("您没有管理单位和部门的权限。");
    expect(await say("/movedept d1 o2")).toBe("部门“甲区应急管理局”已从“甲区政务公开办”调整到“乙区政务公开办”，今后由该单位审核其年报。");
    expect((await org()).departments.find((department) => department.id === "d1")?.officeId).toBe("o2");
    expect(await say("/status", supervisorY)).toContain("甲区应急管理局");
    expect(await say("/movedept d1 o2")).toBe("该部门已经属于这个单位。");
    expect(await say("/movedept d9 o2")).toBe("没有这个部门。");
    expect(await say("/movedept d1")).toBe("用法：/movedept 部门名称或编号 单位名称或编号");
  });

  it("removes a member within the supervisor's office; they lose access at once", async () => {
    expect(await say("/removemember 9201", supervisorX)).toBe("该用户不是这里的成员。");
    expect(await say("/removemember 9001", supervisorY)).toBe("您没有管理单位和部门的权限。");
    expect(await say("/removemember 9201", supervisorY)).toBe("已移除用户 9201（1 项身份）。其部门的年报仍保留，邀请新的填报人即可继续。");
    expect((await org()).members.some((member) => member.userId === "9201")).toBe(false);
    expect(await say("/report", officerA)).not.toContain("甲区应急管理局");
    expect(await say("/removemember someone")).toBe("用法：/removemember 数字用户编号（对方发送 /whoami 即可查到）");
    expect(await say("/removemember 9101", officerA)).toBe("您没有管理单位和部门的权限。");
  });
});
