// What a typed line means in a text channel (terminal, DingTalk): a command (/review), a button (its number or its
// text), or an answer. Where the question wants figures a bare number is an answer, so `#2`
// always picks button 2 and a bare 2 only does when the question is answered by buttons.
import type { CommandName, InterviewEvent } from "../core/interview/engine.ts";
import type { Line } from "../core/interview/reply.ts";

export interface ConsoleButton {
  readonly label: string;
  readonly data: string;
}

const COMMANDS: readonly CommandName[] = ["start", "report", "review", "edit", "export", "cancel", "help", "skip", "back"];

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

export function consoleEvent(input: string, buttons: readonly ConsoleButton[], expectsText: boolean): InterviewEvent | undefined {
  const text = input.trim();
  if (text === "") return undefined;
  const command = /^\/([a-z]+)(?:\s+([\s\S]*))?$/u.exec(text);
  if (command !== null && isCommand(command[1] ?? "")) {
    const name = command[1] as CommandName;
    const arg = command[2]?.trim() ?? "";
    return arg === "" ? { type: "command", name } : { type: "command", name, arg };
  }
  const numbered = /^(#)?(\d{1,3})$/u.exec(text);
  if (numbered !== null && (numbered[1] === "#" || !expectsText)) {
    const button = buttons[Number(numbered[2]) - 1];
    if (button !== undefined) return { type: "button", data: button.data };
  }
  const named = buttons.find((button) => button.label === text);
  if (named !== undefined) return { type: "button", data: named.data };
  return { type: "text", text: input };
}

/** Lines that ask for typed input (figures, text, a name): there a bare number is an answer. */
const TYPED_QUESTION = /^interview-(ask-|meta-ask-|append-ask)/u;
export const asksForText = (lines: readonly Line[]): boolean => lines.some((line) => "key" in line && TYPED_QUESTION.test(line.key));
