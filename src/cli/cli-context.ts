// What every CLI command gets: the translator and the two output streams (tests capture them).
import type { Translate } from "../i18n.ts";

export interface CliContext {
  readonly t: Translate;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Working directory for relative defaults (data/, out files). */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}
