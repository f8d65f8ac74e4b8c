// `npm test` gives one verdict on every machine and every run: property tests start from a fixed
// seed. `npm run stress` passes a fresh NIANBAO_FC_SEED (and prints it) to explore new inputs;
// a failure there replays with the same variable.
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env["NIANBAO_FC_SEED"] ?? "20270131") });
