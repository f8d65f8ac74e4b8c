// DingTalk (Stream mode): robot messages become the app's calls for the person `dingtalk-<staffId>`,
// replies go back through the robot API. Each callback is acknowledged only after its answer is
// stored and sent: after a crash DingTalk redelivers it, and the stored msgId absorbs it.
import { TOPIC_ROBOT, type DWClientDownStream } from "dingtalk-stream";
import type { App } from "../app/app.ts";
import { channelCommands, unknownInputText, type ChatChannel } from "../app/channel-commands.ts";
import type { InterviewService } from "../app/interview-service.ts";
import { consoleEvent, type ConsoleInput } from "../app/typed-input.ts";
import { patchSession, readSession } from "../app/user-session.ts";
import { EDIT_JUMP } from "../app/edit-jump.ts";
import { storeLocaleChoices, translatorOf } from "../app/locale-choices.ts";
import { KeyedQueue } from "../app/keyed-queue.ts";
import { registerDeliverySender } from "../app/person-channels.ts";
import type { Translate } from "../i18n.ts";
import { choiceCards, reviewButtons, runCommand } from "./commands.ts";
import { createRobotApi, type DingTalkSettings } from "./robot-api.ts";
import { personOf, RobotMessageSchema, staffIdOf, updateIdOf, type RobotMessage } from "./robot-message.ts";
import { renderOutcome, templateOf, textMessages, type DingTalkOut } from "./render-markdown.ts";
import { StreamClient } from "./stream-client.ts";

export type DingTalkChannel = ChatChannel;

/** Ids of callbacks answered in this process: a redelivery whose ack was lost is only acked again. */
const ANSWERED_MAX = 2000;

/** What the interview hears for each kind of message that is no text; any other kind is a sticker. */
const UNSUPPORTED: Readonly<Record<string, Extract<ConsoleInput, { type: "unsupported" }>["kind"]>> = { file: "document", picture: "photo", audio: "voice", video: "video" };

export async function startDingTalk(app: App, service: InterviewService, settings: DingTalkSettings, options: { readonly sleep?: (ms: number) => Promise<void> } = {}): Promise<DingTalkChannel> {
  const client = new StreamClient(settings);
  const api = createRobotApi(settings, options.sleep);
  // DingTalk has no per-message language tag: the /lang choice, else zh-CN.
  const locales = storeLocaleChoices(app.store);
  const translatorFor = (person: string): Promise<Translate> => translatorOf(locales, person);
  const answered = new Set<string>();
  const queue = new KeyedQueue();
  const commands = channelCommands(app);

  async function send(person: string, messages: readonly DingTalkOut[]): Promise<void> {
    const staffId = staffIdOf(person);
    if (staffId === undefined) throw new Error(`dingtalk: ${person} is not a DingTalk person`);
    for (const message of messages) {
      if (message.kind === "file") {
        const mediaId = await api.uploadFile(message.fileName, message.bytes);
        const fileType = message.fileName.split(".").at(-1) ?? "docx";
        await api.sendToPerson(staffId, { msgKey: "sampleFile", msgParam: { mediaId, fileName: message.fileName, fileType } });
      } else {
        await api.sendToPerson(staffId, templateOf(message));
      }
    }
  }

  /** A group chat gets one sentence through the message's own session webhook, and nothing else. */
  async function answerGroup(message: RobotMessage): Promise<void> {
    if (message.sessionWebhook === undefined) return;
    const person = personOf(message.senderStaffId);
    const t = await translatorFor(person ?? "");
    const response = await fetch(message.sessionWebhook, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ msgtype: "text", text: { content: t("dingtalk-group-only") } }),
    });
    if (!response.ok) app.logger.warn({ status: response.status }, "dingtalk: group answer refused");
  }

  async function eventOf(person: string, message: RobotMessage): Promise<ConsoleInput> {
    if (message.msgtype === "text") {
      const offered = (await readSession(app.store, person)).offeredChoices;
      // DingTalk has no /start: a person's very first message gets the greeting, never taken as an answer.
      if (offered === undefined) return { type: "command", name: "start" };
      const event = consoleEvent(message.text?.content ?? "", offered.buttons) ?? { type: "text", text: "" };
      // A returned report's "go and fix" button: stateless, `/edit <cell>` whenever tapped (as in Telegram).
      const jump = event.type === "button" ? EDIT_JUMP.exec(event.data) : null;
      return jump === null ? event : { type: "command", name: "edit", arg: jump[1] ?? "" };
    }
    return { type: "unsupported", kind: UNSUPPORTED[message.msgtype] ?? "sticker" };
  }

  async function handle(message: RobotMessage): Promise<void> {
    if (message.conversationType !== "1") return answerGroup(message);
    const person = personOf(message.senderStaffId);
    if (person === undefined) {
      app.logger.warn({ staffIdChars: message.senderStaffId.length }, "dingtalk: staffId outside the store's id alphabet, message ignored");
      return;
    }
    const t = await translatorFor(person);
    const updateId = updateIdOf(message.msgId);
    if (message.msgtype === "text") {
      const replies = await runCommand(app, commands, locales, person, message.text?.content ?? "", { updateId }, t);
      if (replies !== undefined) return send(person, replies);
    }
    // Last year's report as a file is imported; any other file is the interview's to answer.
    const code = message.msgtype === "file" ? message.content?.downloadCode : undefined;
    if (code !== undefined) {
      const name = message.content?.fileName ?? "";
      const answer = await commands.importFile(person, name, (maxBytes) => api.downloadFile(code, maxBytes), { updateId, by: person }, t);
      if (answer !== undefined) {
        const cards = answer.choices.flatMap((choice) => {
          const buttons = choice.options.map((option) => ({ title: option.join(" | "), content: `/reading ${answer.key?.year ?? ""} ${choice.row} ${option.join(",")}` }));
          return choiceCards(t, t("chk-choose", { row: choice.label, text: choice.printed }), buttons);
        });
        await send(person, [...textMessages(t, answer.text), ...cards]);
        if (!answer.thenInterview) return;
      }
    }
    const event = await eventOf(person, message);
    // Typed like a command or a button that does not exist: said so, nothing changes.
    if (event.type === "unknown-command" || event.type === "unknown-button") return send(person, textMessages(t, unknownInputText(t, event)));
    const outcome = await service.handle(person, event, { updateId });
    const rendered = renderOutcome(t, outcome);
    await patchSession(app.store, person, { offeredChoices: { buttons: rendered.choices } });
    await send(person, rendered.messages);
  }

  function onCallback(frame: DWClientDownStream): void {
    const ack = (): void => client.socketCallBackResponse(frame.headers.messageId, { status: "SUCCESS" });
    let message: RobotMessage;
    try {
      message = RobotMessageSchema.parse(JSON.parse(frame.data));
    } catch (error) {
      // Not a robot message we understand: acknowledged so DingTalk stops resending it.
      app.logger.warn({ err: String(error) }, "dingtalk: callback not understood");
      ack();
      return;
    }
    if (answered.has(message.msgId)) return ack();
    // One message at a time per person, in arrival order; people in parallel.
    void queue.run(message.senderStaffId, async () => {
      // A redelivery that arrived while the first delivery was being answered.
      if (answered.has(message.msgId)) return ack();
      try {
        await handle(message);
        answered.add(message.msgId);
        if (answered.size > ANSWERED_MAX) answered.delete(answered.values().next().value ?? "");
        ack();
      } catch (error) {
        // Unacknowledged: DingTalk redelivers it, and the stored msgId keeps the answer single.
        app.logger.error({ err: String(error) }, "dingtalk: message not answered");
      }
    });
  }

  // Lifecycle messages for people on DingTalk, whoever sent them (a supervisor on Telegram too).
  registerDeliverySender(app, "dingtalk", async (key, delivery) => {
    const t = await translatorFor(delivery.userId);
    const text = t(delivery.key, { ...delivery.params });
    if (delivery.review) return send(delivery.userId, choiceCards(t, text, reviewButtons(t, key)));
    if (delivery.jumpData === undefined) return send(delivery.userId, textMessages(t, text));
    const [card] = textMessages(t, text);
    const title = card?.kind === "markdown" ? card.title : t("dingtalk-title");
    // The button's tap sends its label; the person's offered choices map it back to the jump.
    const button = { label: t("sup-open-question"), data: delivery.jumpData };
    await patchSession(app.store, delivery.userId, { offeredChoices: { buttons: [button] } });
    await send(delivery.userId, [{ kind: "card", title, text: card?.kind === "markdown" ? card.text : text, buttons: [{ title: button.label, content: button.label }] }]);
  });

  client.registerCallbackListener(TOPIC_ROBOT, onCallback);
  await client.connect();
  return {
    sendText: async (person, text) => send(person, textMessages(await translatorFor(person), text)),
    stop: async () => {
      client.disconnect();
      await queue.idle();
    },
  };
}
