// A button opening one question by its cell or narrative id (`ed:<id>`, i.e. `/edit <id>`): it names no
// state version, so a returned report's "去修改" never goes stale however much the officer did since.
import { fixQuestionFor } from "../core/interview/finalise.ts";

/** ASCII and at most 63 bytes: within Telegram's 64 for callback data. */
export const EDIT_JUMP = /^ed:([A-Za-z0-9.]{1,60})$/;

/** 「报送」 under a returned report's final document: `/submit` without remembering the command. */
export const SUBMIT_DATA = "sb:submit";

/** Callback data opening the question of a cell or narrative part, or undefined for an unknown id. */
export function editJumpData(jump: { cell?: string; part?: string }): string | undefined {
  const id = jump.cell ?? jump.part;
  if (id === undefined || fixQuestionFor(id) === undefined) return undefined;
  const data = `ed:${id}`;
  return EDIT_JUMP.test(data) ? data : undefined;
}
