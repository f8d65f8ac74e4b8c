// pino logger factory. Two rules: the bot token never reaches a log line (grammY puts it in the
// API URL of its errors, so it is scrubbed from the serialised line, not only from known fields),
// and narrative text (officers' drafts) is never logged: fields carrying it are censored.
import { pino, type DestinationStream, type Logger } from "pino";
import type { LOG_FORMATS, LOG_LEVELS } from "./config.ts";
import { prettyLine } from "./log-pretty.ts";

const REDACTED = "[redacted]";

/** Any Telegram bot token, even one we were not told about. */
const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

/** Fields that may hold narrative text or secrets, at the top level or one level down. */
const REDACT_FIELDS = ["text", "narrative", "report", "interview", "token", "botToken", "secret"];
const REDACT_PATHS: readonly string[] = REDACT_FIELDS.flatMap((field) => [field, `*.${field}`]);

export interface LoggerOptions {
  readonly level: (typeof LOG_LEVELS)[number];
  /** Strings to scrub from every line (the bot token, the webhook secret). */
  readonly secrets?: readonly (string | undefined)[];
  /** Where lines go; stdout by default. */
  readonly destination?: DestinationStream;
  /** json (default): one JSON object a line, for journald and docker; pretty: for a terminal. */
  readonly format?: (typeof LOG_FORMATS)[number];
}

function scrubSecrets(line: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => text.replaceAll(secret, REDACTED), line).replace(TOKEN_PATTERN, REDACTED);
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => s !== undefined && s.length >= 8);
  const destination = options.destination ?? pino.destination(1);
  const shape = options.format === "pretty" ? prettyLine : (line: string) => line;
  const scrubbing: DestinationStream = { write: (line) => destination.write(shape(scrubSecrets(line, secrets))) };
  return pino(
    {
      level: options.level,
      base: { app: "nianbao" },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    },
    scrubbing,
  );
}
