// globalSetup of the projects whose tests use moto (integration, e2e; see vitest.config.ts): one launcher per
// vitest worker, started once for the whole run instead of once per file or per case (a launcher costs about
// a second of CPU to start). Worker n's tests get endpoints[n - 1] through startMoto(), which resets it first:
// see test/helpers/moto-server.ts. Both projects share the same servers (their files run side by side, and a
// worker id is held by one file at a time); the last project's teardown stops them.
import type { TestProject } from "vitest/node";
import { launchMoto, type MotoServer, motoAvailable, type SharedMotoServers } from "./helpers/moto-server.js";

interface Pool {
  shared: Promise<{ provided: SharedMotoServers; servers: MotoServer[] }>;
  users: number;
}

// One pool for the whole run, although vitest calls this once per project (possibly through two copies of
// this module): hence globalThis.
const holder = globalThis as typeof globalThis & { __rootlockMotoPool?: Pool };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workers = Math.max(1, Number(project.globalConfig.maxWorkers ?? project.config.maxWorkers ?? 1));
  const pool = (holder.__rootlockMotoPool ??= { shared: startServers(workers), users: 0 });
  pool.users += 1;
  project.provide("motoServers", (await pool.shared).provided);
  return async () => {
    pool.users -= 1;
    if (pool.users > 0) return;
    holder.__rootlockMotoPool = undefined;
    await Promise.all((await pool.shared).servers.map((s) => s.stop()));
  };
}

async function startServers(count: number) {
  const available = motoAvailable();
  // Without moto there is nothing to start: requireMoto() says so loudly in each suite, or fails it in CI.
  if (!available.ok) return { provided: { available, endpoints: [] }, servers: [] };
  const servers = await Promise.all(Array.from({ length: count }, () => launchMoto()));
  // Should vitest die without calling the teardown, the launchers must not outlive it.
  process.once("exit", () => void servers.forEach((s) => s.stop()));
  return { provided: { available, endpoints: servers.map((s) => s.endpoint) }, servers };
}
