// Startup, --help, audit and memory, as medians of repeated runs, each against a reference measured in the same
// run (so the ratio holds on any machine). Usage: npm run bench [-- --runs N] [-- --compare DIR ...]
//
//   first frame   `rootlock --demo` in a pseudo-terminal, from spawn to its first screen, versus a bare Ink
//                 program that renders one line (bundled the same way)
//   --help        `rootlock --help` to exit, versus `node -e 0`
//   check         `rootlock check --demo --json` to exit (simulated account: the program's own cost)
//   memory        peak RSS of `rootlock --demo` up to its first screen and of `check --demo --json`
//
//   --compare DIR another checkout of rootlock, already built (DIR/dist/rootlock.js), e.g. an older commit
//                 exported with `git archive`: measured in the same loop, its runs interleaved with this build's
//                 (the order rotates each round), so the machine's load hits both alike. Repeatable.
import { spawn as spawnPty } from "@lydell/node-pty";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const compared = process.argv.flatMap((a, i) => (a === "--compare" ? [path.resolve(process.argv[i + 1])] : []));
// Each build keeps its demo account in a state folder of its own (`--demo` remembers): not the user's, and not
// another build's, whose saved file it may not read. The first round saves it; later rounds resume it.
const builds = [root, ...compared].map((dir) => ({
  label: dir === root ? "this build" : path.basename(dir),
  bundle: path.join(dir, "dist/rootlock.js"),
  env: { XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), "rootlock-bench-state-")) },
}));
const bareDir = path.join(root, "bench/.out");
const bare = path.join(bareDir, "rootlock.js");
const rssHook = path.join(root, "bench/report-rss.mjs");
const env = { ...process.env, CI: undefined, TERM: "xterm-256color", AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent" };
delete env.CI;

execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { stdio: "inherit" });
execFileSync(process.execPath, [path.join(root, "scripts/build.mjs"), "--outdir", bareDir, path.join(root, "bench/fixtures/bare-ink.tsx")], { stdio: "inherit" });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** ms from spawn to the first output that contains `marker`, in a 100x40 pty; then the program is killed. */
function firstFrame(args, marker, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawnPty(process.execPath, args, { cols: 100, rows: 40, env: { ...env, ...extraEnv }, cwd: mkdtempSync(path.join(tmpdir(), "rootlock-bench-")) });
    let out = "";
    let seen = false;
    const timer = setTimeout(() => (child.kill(), reject(new Error(`no first frame: ${out.slice(-300)}`))), 15_000);
    child.onData((d) => {
      out += d;
      if (!seen && out.includes(marker)) {
        seen = true;
        const ms = performance.now() - started;
        clearTimeout(timer);
        child.onExit(() => resolve(ms));
        // Ctrl-C: rootlock quits through its own handler (and writes its peak memory on the way out).
        setTimeout(() => child.write("\x03"), 100);
        setTimeout(() => child.kill(), 3000);
      }
    });
  });
}

function timed(args, extraEnv = {}) {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, encoding: "utf8", cwd: tmpdir() });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function peakRss(build, kind) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "rootlock-rss-")), "rss");
  const extra = { ...build.env, ROOTLOCK_BENCH_RSS: file };
  if (kind === "check") timed(["--import", rssHook, build.bundle, "check", "--demo", "--json"], extra);
  return { file, extra };
}

const refs = { bare: [], node: [] };
const results = builds.map(() => ({ frame: [], help: [], check: [], rssWizard: [], rssCheck: [] }));
for (let i = 0; i < RUNS; i++) {
  // Alternate the programs and their references so that drift in the machine's load hits all alike; the builds
  // take turns at going first.
  const order = builds.map((_, b) => (b + i) % builds.length);
  refs.bare.push(await firstFrame([bare], "bare ink ready"));
  for (const b of order) {
    const rss = peakRss(builds[b], "wizard");
    results[b].frame.push(await firstFrame(["--import", rssHook, builds[b].bundle, "--demo"], "rootlock will take you through", rss.extra));
    results[b].rssWizard.push(Number(readFileSync(rss.file, "utf8")) / 1024);
  }
  refs.node.push(timed(["-e", "0"]));
  for (const b of order) results[b].help.push(timed([builds[b].bundle, "--help"], builds[b].env));
  for (const b of order) {
    const check = peakRss(builds[b], "check");
    results[b].rssCheck.push(Number(readFileSync(check.file, "utf8")) / 1024);
    results[b].check.push(timed([builds[b].bundle, "check", "--demo", "--json"], builds[b].env));
  }
}

const medians = (series) => Object.fromEntries(Object.entries(series).map(([k, v]) => [k, median(v)]));
const ref = medians(refs);
const line = (label, value, unit, ref) => `${label.padEnd(44)} ${value.toFixed(unit === "MB" ? 1 : 0).padStart(7)} ${unit}${ref ? `   ${ref}` : ""}`;
console.log(`\nmedians of ${RUNS} runs — node ${process.version}, ${process.platform}/${process.arch}`);
for (const [b, build] of builds.entries()) {
  const m = medians(results[b]);
  if (builds.length > 1) console.log(`\n${build.label} (${build.bundle})`);
  console.log(line("first frame, rootlock --demo", m.frame, "ms", `${(m.frame / ref.bare).toFixed(2)}× the bare Ink program (${ref.bare.toFixed(0)} ms)`));
  console.log(line("rootlock --help", m.help, "ms", `${(m.help / ref.node).toFixed(2)}× node -e 0 (${ref.node.toFixed(0)} ms)`));
  console.log(line("rootlock check --demo --json", m.check, "ms"));
  console.log(line("peak memory, wizard to its first screen", m.rssWizard, "MB"));
  console.log(line("peak memory, check --demo --json", m.rssCheck, "MB"));
}
