#!/usr/bin/env node
// Registers tsx in-process so `npx nianbao …` runs the TypeScript sources from a fresh clone, no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
