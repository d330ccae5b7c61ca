// The first frame's CPU time, for a machine that is not quiet. Wall-clock times (startup.mjs) on a loaded machine
// measure the scheduler as much as the program; the CPU time the process's main thread has used when its first
// useful screen arrives changes far less with the load. Linux only (/proc/PID/task/TID/schedstat, in ns).
// Usage: node bench/frame-cpu.mjs [--runs N] [--compare DIR ...]   (run `npm run bench` or a build first)
//
//   this build and each DIR (another checkout, built: DIR/dist/rootlock.js) run `--demo` in a 100×40 pty until
//   the preflight's screen, alternated with the bare Ink program (bench/.out, built by startup.mjs), each build
//   with a demo state folder of its own; the order rotates each round. Medians of the main thread's CPU time and
//   of all threads' (V8's compiler and GC threads), with the wall time for reference.
import { spawn } from "@lydell/node-pty";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const compared = process.argv.flatMap((a, i) => (a === "--compare" ? [path.resolve(process.argv[i + 1])] : []));
const env = { ...process.env, TERM: "xterm-256color", AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent" };
delete env.CI;

const programs = [
  { label: "bare Ink", args: [path.join(root, "bench/.out/rootlock.js")], marker: "bare ink ready" },
  ...[root, ...compared].map((dir) => ({
    label: dir === root ? "this build" : path.basename(dir),
    args: [path.join(dir, "dist/rootlock.js"), "--demo"],
    marker: "rootlock will take you through",
  })),
].map((p) => ({ ...p, state: mkdtempSync(path.join(tmpdir(), "rootlock-bench-state-")), main: [], all: [], wall: [] }));

const cpuMs = (pid, tid) => Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]) / 1e6;

function once(p) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cwd = mkdtempSync(path.join(tmpdir(), "rootlock-bench-"));
    const child = spawn(process.execPath, p.args, { cols: 100, rows: 40, env: { ...env, XDG_STATE_HOME: p.state }, cwd });
    let out = "";
    let seen = false;
    const timer = setTimeout(() => (child.kill(), reject(new Error(`${p.label}: no first frame: ${out.slice(-300)}`))), 15_000);
    child.onData((d) => {
      out += d;
      if (seen || !out.includes(p.marker)) return;
      seen = true;
      p.wall.push(performance.now() - started);
      let all = 0;
      for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
        const ms = cpuMs(child.pid, tid);
        all += ms;
        if (Number(tid) === child.pid) p.main.push(ms);
      }
      p.all.push(all);
      clearTimeout(timer);
      setTimeout(() => child.write("\x03"), 50);
      setTimeout(() => child.kill(), 3000);
    });
    child.onExit(() => resolve());
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (let i = 0; i < RUNS; i++) for (const j of programs.map((_, k) => (k + i) % programs.length)) await once(programs[j]);
const bare = median(programs[0].main);
console.log(`\nmedians of ${RUNS} runs, CPU time until the first useful frame — node ${process.version}`);
for (const p of programs) {
  const main = median(p.main);
  const ratio = p === programs[0] ? "" : `   ${(main / bare).toFixed(2)}× bare Ink's`;
  console.log(
    `${p.label.padEnd(14)} main thread ${main.toFixed(0).padStart(5)} ms${ratio}   all threads ${median(p.all).toFixed(0).padStart(5)} ms   wall ${median(p.wall).toFixed(0).padStart(5)} ms`,
  );
}
