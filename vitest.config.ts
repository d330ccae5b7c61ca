import { defineConfig } from "vitest/config";

// Two projects so that e2e tests get long timeouts and the bundle build (global-setup.ts), and the others
// don't pay for it: vitest runs a project's globalSetup only when one of its files is selected.
export default defineConfig({
  test: {
    pool: "forks", // node-pty is a native addon; child processes are safer than worker threads for it
    setupFiles: ["./test/setup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: ["test/e2e/**", "test/integration/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.{ts,tsx}"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.{ts,tsx}"],
          globalSetup: ["./test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
