// `rootlock org`'s audit of 1,000 member accounts against the tests' launcher (test/integration/moto_launcher.py,
// with its organization emulation, launcher_org.py), every AWS call answered 80 ms late as a network would; against
// a one-account-at-a-time audit of the same organization in the same run; then the same audit while the launcher
// throttles AssumeRoot above 20 calls a second. Each audit runs the engine (src/steps/org/) through the live adapter
// and the real SDK, in a process of its own (bench/org-worker.mjs), whose peak memory is its own.
//
//   npm run bench:org [-- --accounts 1000] [--sequential 100] [--latency 80] [--throttle 20] [--pool-max N]
//
// --sequential N audits the first N accounts one at a time (all 1,000 at 80 ms a call would take minutes): its
// rate (accounts/s) is the reference; a rate does not depend on how many accounts it is measured over.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ACCOUNTS = option("accounts", 1000);
const SEQUENTIAL = option("sequential", 100);
const LATENCY_MS = option("latency", 80);
const THROTTLE = option("throttle", 20);
const POOL_MAX = option("pool-max", undefined); // the engine's own maximum when left out

// The worker imports the engine's TypeScript: bundle it as the product is bundled (scripts/build.mjs).
const workDir = mkdtempSync(path.join(os.tmpdir(), "rootlock-bench-org-"));
const worker = path.join(workDir, "org-worker.mjs");
await build({
  entryPoints: [path.join(root, "bench/org-worker.mjs")],
  outfile: worker,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  banner: { js: 'import { createRequire as __benchRequire } from "node:module"; const require = __benchRequire(import.meta.url);' },
  logLevel: "error",
});

const launcher = spawn("python3", [path.join(root, "test/integration/moto_launcher.py")], { stdio: ["ignore", "pipe", "ignore"] });
const port = await new Promise((resolve, reject) => {
  launcher.once("exit", (code) => reject(new Error(`the launcher exited (${code}) before listening`)));
  launcher.stdout.on("data", (d) => /PORT=(\d+)/.test(String(d)) && resolve(/PORT=(\d+)/.exec(String(d))[1]));
});
const endpoint = `http://127.0.0.1:${port}`;
const harness = async (route, body, method = "POST") => {
  const res = await fetch(`${endpoint}/_harness/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`harness ${route}: ${res.status} ${await res.text()}`);
  return res.json();
};

try {
  const seedStarted = performance.now();
  const org = await harness("org/seed", {
    ous: ["Prod", "Prod/Web", "Sandbox"],
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({ ou: ["Prod", "Prod/Web", "Sandbox", undefined][i % 4] })),
    trusted_access: ["iam.amazonaws.com"],
    features: ["RootCredentialsManagement", "RootSessions"],
  });
  // Mixed member roots, as an organization has them: one in five holds something.
  for (const [i, account] of org.accounts.entries()) {
    if (i % 5 !== 0) continue;
    const kind = (i / 5) % 4;
    await harness("org/root-credentials", {
      account: account.id,
      password: kind === 0 || kind === 3,
      access_keys: kind === 1 || kind === 3 ? [{ last_used: { date: "2026-06-01T00:00:00Z", service: "s3", region: "us-east-1" } }] : [],
      mfa: kind === 2 || kind === 3 ? [{ type: "virtual" }] : [],
      signing_certificates: kind === 3 ? [{}] : [],
    });
  }
  const seedMs = performance.now() - seedStarted;
  await harness("org/latency", { ms: LATENCY_MS });

  const env = {
    ...process.env,
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: org.management.access_key_id,
    AWS_SECRET_ACCESS_KEY: org.management.secret_access_key,
    AWS_CONFIG_FILE: "/nonexistent",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
  };
  /** One audit in a process of its own, with the launcher's count of the calls it received. */
  const audit = async (mode, count) => {
    await harness("requests", undefined, "DELETE");
    const before = (await harness("org/state", undefined, "GET")).assume_root;
    const args = [worker, mode, String(count), ...(mode === "pool" && POOL_MAX ? [String(POOL_MAX)] : [])];
    const child = spawnSync(process.execPath, args, { env, encoding: "utf8", maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`the ${mode} audit failed (${child.status}):\n${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1));
    const after = (await harness("org/state", undefined, "GET")).assume_root;
    const calls = await harness("requests", undefined, "GET");
    const throttled = after.throttled - before.throttled;
    return { ...result, calls: calls.length, assume_root_calls: calls.filter((c) => c.action === "AssumeRoot").length, throttled };
  };

  const sequential = await audit("sequential", SEQUENTIAL);
  const pooled = await audit("pool", ACCOUNTS);
  await harness("org/throttle", { assume_root_per_second: THROTTLE });
  const throttledRun = await audit("pool", ACCOUNTS);
  // A figure counts only if the audit found what was seeded: one in five roots holds something.
  const holding = Math.ceil(ACCOUNTS / 5);
  for (const run of [pooled, throttledRun]) {
    if (run.audited !== ACCOUNTS || (run.states.holds ?? 0) !== holding || (run.states["credential-less"] ?? 0) !== ACCOUNTS - holding) {
      console.error(`the ${run.mode} audit did not find what was seeded: ${JSON.stringify(run.states)} ${JSON.stringify(run.failures)}`);
      process.exitCode = 1;
    }
  }

  const rate = (r) => r.audited / (r.audit_ms / 1000);
  const mb = (kb) => (kb / 1024).toFixed(1);
  const pct = (n, d) => ((100 * n) / d).toFixed(2);
  const line = (label, r) =>
    `${label.padEnd(36)} ${String(r.audited).padStart(5)} accounts  ${(r.audit_ms / 1000).toFixed(1).padStart(6)} s  ${rate(r).toFixed(1).padStart(6)} accounts/s  ` +
    `peak ${mb(r.peak_rss_kb).padStart(6)} MB  ${r.calls} calls, ${r.throttled} throttled (${pct(r.throttled, r.calls)}% of calls, ` +
    `${pct(r.throttled, r.assume_root_calls)}% of AssumeRoot), engine retries ${r.engine_retries}, pool ${r.pool_sizes.first}→${r.pool_sizes.last} (max ${r.pool_sizes.max})`;
  console.log(`\nrootlock org audit against the launcher on 127.0.0.1, ${LATENCY_MS} ms per call — node ${process.version}, ${os.cpus().length} cores`);
  console.log(`seeded ${org.accounts.length} member accounts in ${(seedMs / 1000).toFixed(1)} s; listing them took ${(pooled.list_ms / 1000).toFixed(1)} s`);
  console.log(line("one account at a time", sequential));
  console.log(line("the engine's pool", pooled));
  console.log(line(`the pool, AssumeRoot throttled > ${THROTTLE}/s`, throttledRun));
  console.log(`speed-up: ${(rate(pooled) / rate(sequential)).toFixed(1)}× (goal ≥ 10×); peak memory ${mb(pooled.peak_rss_kb)} MB (goal < 150 MB)`);
  console.log(`throttled case: ${pct(throttledRun.throttled, throttledRun.calls)}% of calls retried for throttling (goal ≤ 1%)`);
  console.log(`states: ${JSON.stringify(pooled.states)} / throttled run: ${JSON.stringify(throttledRun.states)} ${JSON.stringify(throttledRun.failures)}`);
} finally {
  launcher.kill();
  rmSync(workDir, { recursive: true, force: true });
}
