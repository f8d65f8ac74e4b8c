// The CLI run in-process with its lines collected: what a test of one command needs.
import type { CliIo } from "../../src/cli/cli-context.ts";
import { runCli } from "../../src/cli/run-cli.ts";

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

export async function runIn(cwd: string, env: CliIo["env"], argv: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), cwd, env });
  return { code, out, err };
}
