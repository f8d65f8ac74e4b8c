// One engine line as text in the officer's language: a Fluent key or a checker finding.
import type { Line } from "../core/interview/reply.ts";
import { findingSentence } from "../findings-text.ts";
import type { Translate } from "../i18n.ts";

export function lineText(t: Translate, line: Line): string {
  return "finding" in line ? findingSentence(t, line.finding) : t(line.key, line.params);
}
