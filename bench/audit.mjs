// The whole audit against the time of one AWS CLI call, both against the same local moto server (started
// here through the tests' launcher), alternated, as medians. Usage: npm run bench:audit [-- --runs N] [-- --compare DIR ...]
//
//   --compare DIR another checkout of rootlock, already built (DIR/dist/rootlock.js): its audit is measured in the
//                 same loop, after this build's and the CLI call, against the same moto server. Repeatable.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;
const compared = process.argv.flatMap((a, i) => (a === "--compare" ? [path.resolve(process.argv[i + 1])] : []));
const builds = [root, ...compared].map((dir) => ({ label: dir === root ? "this build" : path.basename(dir), bundle: path.join(dir, "dist/rootlock.js"), ms: [] }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { stdio: "inherit" });
const moto = spawn("python3", [path.join(root, "test/integration/moto_launcher.py")], { stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise((resolve) => moto.stdout.on("data", (d) => /PORT=(\d+)/.test(String(d)) && resolve(/PORT=(\d+)/.exec(String(d))[1])));
const endpoint = `http://127.0.0.1:${port}`;
const base = {
  ...process.env,
  AWS_ENDPOINT_URL: endpoint,
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/nonexistent",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
};
const setupEnv = { ...base, AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: "x" };
execFileSync("aws", ["iam", "create-user", "--user-name", "ops-admin"], { env: setupEnv });
const key = JSON.parse(execFileSync("aws", ["iam", "create-access-key", "--user-name", "ops-admin"], { env: setupEnv, encoding: "utf8" })).AccessKey;
const env = { ...base, AWS_ACCESS_KEY_ID: key.AccessKeyId, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey };

function timed(cmd, args) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { env, encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(" ")}: ${r.status} ${r.stderr}`);
  // `check` exits 2 without credentials and never audits the simulated account unasked: make sure it audited moto.
  if (cmd === process.execPath && JSON.parse(r.stdout).simulated !== false) throw new Error("rootlock check did not audit the moto account");
  return performance.now() - started;
}

const cli = [];
for (let i = 0; i < RUNS; i++) {
  cli.push(timed("aws", ["iam", "get-account-summary"]));
  // The builds take turns at going first (right after the CLI call).
  for (const b of builds.map((_, j) => (j + i) % builds.length)) builds[b].ms.push(timed(process.execPath, [builds[b].bundle, "check", "--json"]));
}
moto.kill();
const a = median(cli);
console.log(`\nmedians of ${RUNS} runs against moto on 127.0.0.1 — node ${process.version}`);
console.log(`aws iam get-account-summary (1 call)               ${a.toFixed(0)} ms`);
for (const build of builds) {
  const c = median(build.ms);
  const label = builds.length > 1 ? ` — ${build.label}` : "";
  console.log(`rootlock check --json (all 9 controls)          ${c.toFixed(0)} ms   ratio ${(c / a).toFixed(2)}×${label}`);
}
