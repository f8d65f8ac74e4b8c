import { defineConfig } from "vitest/config";

// CI asks for a JSON summary too (NIANBAO_VITEST_JSON) so .ci/run can print "N passed, N failed".
const json = process.env["NIANBAO_VITEST_JSON"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/fast-check-seed.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    reporters: json === undefined ? ["default"] : ["default", "json"],
    ...(json === undefined ? {} : { outputFile: { json } }),
  },
});
