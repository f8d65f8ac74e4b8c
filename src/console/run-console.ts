// The interview in a terminal: lines from stdin (a person or a pipe) go through the same service
// as Telegram, one at a time; replies are printed, buttons numbered, documents written to disk.
import { storeFaultMessage } from "../app/store-faults.ts";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { InterviewService, ServiceOutcome } from "../app/interview-service.ts";
import { documentCaption, outcomeNotice, unknownInputText } from "../app/channel-commands.ts";
import { lineText } from "../findings-text.ts";
import type { Translate } from "../i18n.ts";
import { consoleEvent, type ConsoleButton } from "../app/typed-input.ts";

/** The terminal has one officer. */
const CONSOLE_USER_ID = "console";

export interface ConsoleOptions {
  readonly service: InterviewService;
  readonly input: Readable;
  readonly print: (text: string) => void;
  readonly t: Translate;
  /** Where documents are written (DATA_DIR/exports). */
  readonly exportsDir: string;
}

export interface ConsoleSession {
  /** Resolves once input has ended and every line read was answered. */
  readonly done: Promise<void>;
  /** Stops reading and waits for the line being answered. */
  stop(): Promise<void>;
}

export function runConsole(options: ConsoleOptions): ConsoleSession {
  const { service, t, print } = options;
  let buttons: ConsoleButton[] = [];
  // By content: the same report asked for again reprints its path (versions count documents issued).
  const written = new Map<string, string>();

  async function show(outcome: ServiceOutcome): Promise<void> {
    buttons = [];
    if (outcome.kind !== "replies") return print(outcomeNotice(t, outcome));
    for (const reply of outcome.replies) {
      if (reply.kind === "document") {
        const same = written.get(reply.content);
        if (same !== undefined) {
          print(t("shell-console-document-same", { path: same }));
          continue;
        }
        const path = await issue(options.exportsDir, reply.fileName, reply.bytes);
        written.set(reply.content, path);
        print(documentCaption(t, reply));
        print(t("shell-console-document", { path }));
        continue;
      }
      print(reply.lines.map((line) => lineText(t, line)).join("\n"));
      if (reply.mono !== undefined) print(reply.mono);
      const rows = reply.buttons ?? [];
      if (rows.length === 0) continue;
      // Numbers count on across the outcome's keyboards, so each button has its own.
      const rendered = rows.map((row) =>
        row
          .map((button) => {
            const label = t(button.label.key, button.label.params);
            buttons.push({ label, data: button.data });
            return t("shell-console-button", { n: String(buttons.length), label });
          })
          .join("  "),
      );
      print(rendered.join("\n"));
    }
  }

  async function answer(input: string): Promise<void> {
    const event = consoleEvent(input, buttons);
    if (event === undefined) return;
    if (event.type === "unknown-command" || event.type === "unknown-button") return print(unknownInputText(t, event));
    await show(await service.handle(CONSOLE_USER_ID, event));
  }

  const reader = createInterface({ input: options.input, terminal: false });
  // Lines are answered strictly in order: a pipe delivers them faster than the store writes.
  let chain: Promise<void> = Promise.resolve();
  const queue = (work: () => Promise<void>): void => {
    chain = chain.then(work).catch((error: unknown) => {
      // A full disk or a damaged report is said as it is (src/app/store-faults.ts).
      const fault = storeFaultMessage(error);
      print(fault === undefined ? t("shell-console-error", { reason: error instanceof Error ? error.message : String(error) }) : t(fault.key, fault.params));
    });
  };
  queue(async () => {
    print(t("shell-console-welcome"));
    await show(await service.handle(CONSOLE_USER_ID, { type: "command", name: "start" }));
  });
  reader.on("line", (line) => queue(() => answer(line)));
  const done = new Promise<void>((resolve) => reader.once("close", () => queue(async () => resolve())));
  return {
    done,
    async stop() {
      reader.close();
      await done;
    },
  };
}

/** Writes 「…-草稿-v<n>.docx」 numbering the documents issued into the folder: one more than the last there. */
async function issue(dir: string, serviceName: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stem = serviceName.replace(/-v\d+\.docx$/u, "");
  const versions = (await readdir(dir)).flatMap((name) => {
    const match = name.startsWith(`${stem}-v`) ? /-v(\d+)\.docx$/u.exec(name) : null;
    return match === null ? [] : [Number(match[1])];
  });
  const path = join(dir, `${stem}-v${Math.max(0, ...versions) + 1}.docx`);
  await writeFile(path, bytes, { flag: "wx" });
  return path;
}
