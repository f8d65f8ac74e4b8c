// What a typed line means in a text channel (terminal, DingTalk): a command, a button or an answer. A
// button is `#<number>` (shown as [#2]) or its exact text (a DingTalk tap sends the label): no answer
// starts with `#`, so `1` is always the figure 1, never 「[1] 跳过」.
import { COMMAND_NAMES, type CommandName, type InterviewEvent } from "../core/interview/engine.ts";

export interface ConsoleButton {
  readonly label: string;
  readonly data: string;
}

export type ConsoleInput = InterviewEvent | { readonly type: "unknown-command"; readonly name: string } | { readonly type: "unknown-button"; readonly n: number };

function isCommand(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** A button typed ("正确", "#2") is still checked by the engine like any tap. */
export function consoleEvent(input: string, buttons: readonly ConsoleButton[]): ConsoleInput | undefined {
  const text = input.trim();
  if (text === "") return undefined;
  const command = /^\/([A-Za-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/u.exec(text);
  if (command !== null) {
    const name = command[1] ?? "";
    if (!isCommand(name)) return { type: "unknown-command", name };
    const arg = command[2]?.trim() ?? "";
    return arg === "" ? { type: "command", name } : { type: "command", name, arg };
  }
  const numbered = /^[#＃](\d{1,3})$/u.exec(text);
  if (numbered !== null) {
    const n = Number(numbered[1]);
    const button = buttons[n - 1];
    return button === undefined ? { type: "unknown-button", n } : { type: "button", data: button.data };
  }
  const named = buttons.find((button) => button.label === text);
  if (named !== undefined) return { type: "button", data: named.data };
  return { type: "text", text: input };
}
