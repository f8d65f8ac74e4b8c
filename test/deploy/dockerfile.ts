// A small reader for the repository's Dockerfile: stages with their ENV, COPY, RUN, CMD and
// HEALTHCHECK instructions, continuation lines joined. Enough for the deploy test to replay a
// stage without Docker; not a general Dockerfile parser (no ONBUILD, heredocs or shell-form CMD).
export interface Stage {
  readonly name: string;
  readonly env: Record<string, string>;
  readonly copies: { from: string[]; to: string }[];
  readonly runs: string[];
  cmd?: string[];
  healthcheck?: string[];
  user?: string;
  volumes: string[];
}

function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (current === "" && (line.trim().startsWith("#") || line.trim() === "")) continue;
    if (line.endsWith("\\")) current += `${line.slice(0, -1)} `;
    else {
      lines.push((current + line).trim());
      current = "";
    }
  }
  return lines;
}

/** ENV a=b c="d e" (the key=value form only). */
function envPairs(rest: string): [string, string][] {
  return [...rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S*)/g)].map((match) => [match[1] ?? "", match[3] ?? match[2] ?? ""]);
}

const jsonArray = (rest: string): string[] => JSON.parse(rest) as string[];

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const line of logicalLines(text)) {
    const [instruction = "", ...words] = line.split(/\s+/);
    const rest = line.slice(instruction.length).trim();
    const stage = stages.at(-1);
    switch (instruction.toUpperCase()) {
      case "FROM":
        stages.push({ name: /\sAS\s+(\S+)/i.exec(line)?.[1] ?? String(stages.length), env: {}, copies: [], runs: [], volumes: [] });
        break;
      case "ENV":
        if (stage !== undefined) for (const [key, value] of envPairs(rest)) stage.env[key] = value;
        break;
      case "COPY":
        stage?.copies.push({ from: words.slice(0, -1), to: words.at(-1) ?? "" });
        break;
      case "RUN":
        stage?.runs.push(rest);
        break;
      case "CMD":
        if (stage !== undefined) stage.cmd = jsonArray(rest);
        break;
      case "HEALTHCHECK":
        if (stage !== undefined) stage.healthcheck = jsonArray(rest.slice(rest.indexOf("CMD") + 3).trim());
        break;
      case "USER":
        if (stage !== undefined) stage.user = rest;
        break;
      case "VOLUME":
        stage?.volumes.push(...jsonArray(rest));
        break;
      default:
        break;
    }
  }
  return stages;
}
