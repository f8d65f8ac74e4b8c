// A failure the CLI reports as one translated line and an exit code, never a stack trace.
import type { TranslateParams } from "../i18n.ts";

export class CliError extends Error {
  constructor(
    readonly key: string,
    readonly params: TranslateParams = {},
    readonly exitCode = 2,
    readonly details: readonly string[] = [],
  ) {
    super(key);
  }
}
