// Entry point of `npx nianbao …` (see bin/nianbao.js).
import { runCli } from "./run-cli.ts";

// `nianbao check … | head`: when the reader has gone, the rest of the output has nobody to read
// it. Stop quietly (as cat and grep do) instead of dying with an unhandled EPIPE trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
