// The sentence for a refused lifecycle step (permission, state, checker), shared by the chat channels.
import { findingSentence, partLabel } from "../findings-text.ts";
import type { Translate } from "../i18n.ts";
import type { ActOutcome } from "./lifecycle-service.ts";

/** Findings and missing parts listed at most this many at a time (phone-sized messages). */
const LIST_MAX = 12;

export function refusalText(t: Translate, outcome: Exclude<ActOutcome, { ok: true }>): string {
  switch (outcome.error) {
    case "denied":
      return t("sup-denied", { action: outcome.permission });
    case "no-report":
      return t("org-no-report");
    case "incomplete": {
      const lines = [
        ...outcome.findings.map((finding) => `✖ ${findingSentence(t, finding)}`),
        ...[...outcome.missing.cells, ...outcome.missing.texts].map((id) => `○ ${t("org-missing-part", { label: partLabel(t, id) })}`),
      ];
      const shown = lines.slice(0, LIST_MAX);
      const more = lines.length - shown.length;
      return [t("org-submit-refused", { errors: outcome.findings.length, missing: outcome.missing.cells.length + outcome.missing.texts.length }), ...shown, ...(more > 0 ? [t("org-and-more", { count: more })] : [])].join("\n");
    }
    default:
      return t(`sup-transition-error-${outcome.error}`, { ...(outcome.params ?? {}) });
  }
}
