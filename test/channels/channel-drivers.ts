// The thin per-transport drivers of the shared scenarios: how an officer sends text, taps a
// button, reads the replies and fetches a document in Telegram (fake Bot API) and in DingTalk
// (fake gateway and robot API). Nothing about the report lives here.
import { lastDocument, type Officer } from "../app/interview-harness.ts";
import type { DingOfficer } from "../dingtalk/dingtalk-harness.ts";
import type { SentMessage } from "../support/fake-dingtalk.ts";
import type { ChannelDriver } from "./seed-scenario.ts";

export function telegramDriver(o: Officer): ChannelDriver {
  let last: Awaited<ReturnType<Officer["say"]>> = [];
  return {
    channel: "Telegram",
    store: o.store,
    personId: String(o.from.id),
    departmentId: `p${o.from.id}`,
    get interactions() {
      return o.interactions;
    },
    async say(text) {
      last = await o.say(text);
    },
    async tap(label) {
      last = await o.tap(label);
    },
    replies: () => o.lastTexts(),
    async document() {
      const doc = lastDocument(last);
      return doc === undefined ? undefined : { fileName: doc.fileName, bytes: doc.bytes };
    },
  };
}

export function dingTalkDriver(o: DingOfficer): ChannelDriver & { readonly last: readonly SentMessage[] } {
  let last: SentMessage[] = [];
  return {
    channel: "DingTalk",
    store: o.store,
    personId: `dingtalk-${o.staffId}`,
    departmentId: `pdingtalk-${o.staffId}`,
    get interactions() {
      return o.interactions;
    },
    get last() {
      return last;
    },
    async say(text) {
      last = await o.say(text);
    },
    async tap(label) {
      last = await o.tap(label);
    },
    replies: () => o.texts(last),
    async document() {
      // A file message carries the mediaId of an upload the fake kept.
      const file = [...last].reverse().find((m) => m.msgKey === "sampleFile");
      const upload = o.fake.uploads.get(file?.param["mediaId"] ?? "");
      return file === undefined || upload === undefined ? undefined : { fileName: file.param["fileName"] ?? upload.fileName, bytes: upload.bytes };
    },
  };
}
