import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Test files at once. Most of a file's time is spent waiting (for a pseudo-terminal to draw, for moto to answer,
 * for the wizard's polls), not computing: run serially the whole suite used a third of one core. vitest's
 * default on two cores is one worker; four keep both cores busy. Each worker has its own moto server
 * (test/moto-servers.ts).
 */
const WORKERS = 4;

/**
 * The order files are started in: the unit project (unit and screen tests, cheap) first, so that a broken
 * build or step shows within seconds; then the rest longest first (by the last run's times in vitest's cache;
 * a file not timed yet first of all), so that no long file starts last and keeps the run going alone.
 */
class CheapTiersFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (spec: TestSpecification) => `${spec.project.name}:${spec.moduleId.slice(this.ctx.config.root.length + 1)}`;
    const weight = (spec: TestSpecification) => cache.getFileTestResults(key(spec))?.duration ?? Number.POSITIVE_INFINITY;
    const cheap = (spec: TestSpecification) => (spec.project.name === "unit" ? 0 : 1);
    return [...files].sort((a, b) => cheap(a) - cheap(b) || weight(b) - weight(a) || (a.moduleId < b.moduleId ? -1 : 1));
  }
}

// Three projects so that e2e tests get long timeouts and the bundle build (global-setup.ts), and the others
// don't pay for it: vitest runs a project's globalSetup only when one of its files is selected.
export default defineConfig({
  test: {
    pool: "forks", // node-pty is a native addon; child processes are safer than worker threads for it
    maxWorkers: WORKERS,
    sequence: { sequencer: CheapTiersFirst },
    // The slowest files, after vitest's own summary (.ci/run names its reporters, this one among them).
    reporters: ["default", "./test/slowest-files.ts"],
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
          globalSetup: ["./test/moto-servers.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.{ts,tsx}"],
          globalSetup: ["./test/global-setup.ts", "./test/moto-servers.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
