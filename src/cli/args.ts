// A tiny argv parser: positionals, `--flag value`, `--flag=value` and boolean flags.

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? "";
    if (arg === "--") {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    const long = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    const short = /^-([a-zA-Z])$/.exec(arg);
    const name = long?.[1] ?? short?.[1];
    if (name === undefined) {
      positionals.push(arg);
      continue;
    }
    const inline = long?.[2];
    if (inline !== undefined) options[name] = inline;
    else if (booleans.includes(name)) options[name] = true;
    else {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith("--")) options[name] = true;
      else {
        options[name] = next;
        index++;
      }
    }
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = args.options[name];
    if (typeof value === "string") return value;
  }
  return undefined;
}
