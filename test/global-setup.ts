// globalSetup of the e2e project (see vitest.config.ts): vitest runs it only when an e2e file is selected.
// It builds the real bundle once, so e2e tests drive exactly what ships (dist/rootlock.js), never a stale
// copy. A failed build does not stop the other tests: the result is handed to the e2e workers (provide /
// inject) and spawnRootlock() reports it in the test that needed the bundle.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type {} from "vitest"; // brings "vitest" into the program so the augmentation below applies
import type { TestProject } from "vitest/node";

export interface BundleBuild {
  ok: boolean;
  /** Why there is no usable bundle (build output, or the missing entry). */
  error?: string;
  ms: number;
}

declare module "vitest" {
  export interface ProvidedContext {
    rootlockBundle: BundleBuild;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default async function setup(project: TestProject): Promise<void> {
  const started = performance.now();
  const result = await buildBundle();
  // Said once here as well as in each test that needs the bundle, which may be none of the selected ones.
  if (!result.ok) process.stderr.write(`[e2e] no bundle: ${result.error}\n`);
  project.provide("rootlockBundle", { ...result, ms: Math.round(performance.now() - started) });
}

function buildBundle(): Promise<Omit<BundleBuild, "ms">> {
  if (!existsSync(path.join(root, "src/cli.tsx"))) {
    return Promise.resolve({ ok: false, error: "src/cli.tsx does not exist, so there is no bundle to test" });
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, "scripts/build.mjs")], { cwd: root }, (err, _stdout, stderr) => {
      resolve(err ? { ok: false, error: `npm run build failed:\n${stderr}` } : { ok: true });
    });
  });
}
